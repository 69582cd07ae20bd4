"""Word lists for quote extraction: reporting verbs, complementizers, adjunct and furniture cues.

The lists follow ``codebook.md`` §1 and ordinary Arabic news grammar; they are linguistic,
not tuned to particular articles. All patterns are compiled once at import (module constants
are immutable, so the extractor stays picklable and free of global state).
"""

from __future__ import annotations

import functools

import regex

# Reporting verbs: stem -> inflected forms seen in news (perfect/imperfect, m/f/pl, hamza
# spelled or not). ``obj``: a speech-act verb whose content can be a noun-phrase object.
_VERBS: dict[str, dict] = {
    "قال": dict(forms="قال قالت قالوا قلن يقول تقول يقولون نقول", obj=False),
    "أكد": dict(forms="أكد أكدت أكدوا أكدا أكدتا يؤكد تؤكد يؤكدون اكد اكدت", obj=False),
    "أضاف": dict(forms="أضاف أضافت أضافوا يضيف تضيف اضاف اضافت", obj=False, cont=True),
    "أوضح": dict(forms="أوضح أوضحت أوضحوا يوضح توضح اوضح اوضحت", obj=False),
    "شدد": dict(forms="شدد شددت شددوا يشدد تشدد", obj=True),
    "اعتبر": dict(forms="اعتبر اعتبرت اعتبروا يعتبر تعتبر", obj=False),
    "أشار": dict(forms="أشار أشارت أشاروا يشير تشير اشار اشارت", obj=False),
    "لفت": dict(forms="لفت لفتت لفتوا", obj=False),
    "أعلن": dict(forms="أعلن أعلنت أعلنوا أعلنتا يعلن تعلن اعلن اعلنت", obj=True),
    "حذر": dict(forms="حذر حذرت حذروا يحذر تحذر", obj=True),
    "نوه": dict(forms="نوه نوهت", obj=False),
    "تابع": dict(forms="تابع تابعت تابعوا", obj=False, cont=True),
    "أردف": dict(forms="أردف أردفت اردف", obj=False, cont=True),
    "استطرد": dict(forms="استطرد استطردت", obj=False, cont=True),
    "رأى": dict(forms="رأى رأت رأوا يرى ترى", obj=False),
    "وصف": dict(forms="وصف وصفت وصفوا يصف تصف", obj=True),
    "طالب": dict(forms="طالب طالبت طالبوا يطالب تطالب", obj=True),
    "رفض": dict(forms="رفض رفضت رفضوا يرفض ترفض", obj=True),
    "نفى": dict(forms="نفى نفت نفوا ينفي تنفي", obj=True),
    "كشف": dict(forms="كشف كشفت كشفوا يكشف تكشف", obj=True),
    "ذكر": dict(forms="ذكر ذكرت ذكروا", obj=False),
    "دعا": dict(forms="دعا دعت دعوا يدعو تدعو", obj=True),
    "أفاد": dict(forms="أفاد أفادت أفادوا افاد افادت", obj=False),
    "اتهم": dict(forms="اتهم اتهمت اتهموا يتهم تتهم", obj=True),
    "هدد": dict(forms="هدد هددت هددوا يهدد تهدد", obj=True),
    "تعهد": dict(forms="تعهد تعهدت تعهدوا يتعهد تتعهد", obj=True),
    "دان": dict(forms="دان دانت أدان أدانت ادان ادانت يدين تدين", obj=True),
    "انتقد": dict(forms="انتقد انتقدت انتقدوا ينتقد تنتقد", obj=True),
    "رحب": dict(forms="رحب رحبت رحبوا يرحب ترحب", obj=True),
    "جدد": dict(forms="جدد جددت", obj=True),
    "توقع": dict(forms="توقع توقعت توقعوا يتوقع تتوقع", obj=False),
    "صرح": dict(forms="صرح صرحت", obj=False),
    "أعرب": dict(forms="أعرب أعربت اعرب اعربت", obj=True),
    "أبدى": dict(forms="أبدى أبدت", obj=True),
    "زعم": dict(forms="زعم زعمت زعموا يزعم تزعم", obj=False),
    "ادعى": dict(forms="ادعى ادعت", obj=False),
    "اعترف": dict(forms="اعترف اعترفت", obj=False),
    "أقر": dict(forms="أقر أقرت", obj=False),
    "أبلغ": dict(forms="أبلغ أبلغت", obj=False),
    "بين": dict(forms="بينت", obj=False),
    "اقترح": dict(forms="اقترح اقترحت", obj=True),
    "أجاب": dict(forms="أجاب أجابت", obj=False),
    "ختم": dict(forms="ختم ختمت", obj=False, cont=True),
    "مضى": dict(forms="مضى مضت", obj=False, cont=True),
    "استبعد": dict(forms="استبعد استبعدت", obj=False),
    "تساءل": dict(forms="تساءل تساءلت", obj=False),
    "لوح": dict(forms="لوح لوحت", obj=True),
    "أمل": dict(forms="أمل أملت", obj=False),
    "نبه": dict(forms="نبه نبهت", obj=False),
    "كرر": dict(forms="كرر كررت كرروا يكرر تكرر", obj=True),
    "ندد": dict(forms="ندد نددت نددوا يندد تندد", obj=True),
    "توعد": dict(forms="توعد توعدت توعدوا يتوعد تتوعد", obj=True),
    "رجح": dict(forms="رجح رجحت رجحوا يرجح ترجح", obj=False),
    "أورد": dict(forms="أورد أوردت اورد اوردت", obj=False),
    "طلب": dict(forms="طلب طلبت طلبوا", obj=True),
    "حث": dict(forms="حث حثت حثوا يحث تحث حض حضت", obj=True),
    "ناشد": dict(forms="ناشد ناشدت ناشدوا يناشد تناشد", obj=True),
    "خلص": dict(forms="خلص خلصت", obj=False),
    "ركز": dict(forms="ركز ركزت", obj=True),
    "أفصح": dict(forms="أفصح أفصحت", obj=True),
    "استنكر": dict(forms="استنكر استنكرت", obj=True),
    "أشاد": dict(forms="أشاد أشادت اشاد", obj=True),
    "عبر": dict(forms="عبر عبرت", obj=True),
    "نقل": dict(forms="نقل نقلت نقلوا", obj=False),
    "أثار": dict(forms="أثار أثارت", obj=True),
    "أثنى": dict(forms="أثنى أثنت", obj=True),
    "قدر": dict(forms="قدر قدرت يقدر", obj=True),
    "أحصى": dict(forms="أحصى أحصت", obj=True),
    "حض": dict(forms="حض حضت حث حثت", obj=True),
    "شجب": dict(forms="شجب شجبت", obj=True),
    "اعتقد": dict(forms="اعتقد اعتقدت يعتقد تعتقد", obj=False),
    "ناشد": dict(forms="ناشد ناشدت ناشدوا", obj=True),
    "تمنى": dict(forms="تمنى تمنت يتمنى", obj=True),
    "كتب": dict(forms="كتب كتبت", obj=False),
    "هتف": dict(forms="هتف هتفت هتفوا", obj=False),
    "تحدث": dict(forms="تحدث تحدثت يتحدث تتحدث", obj=True),
    "علق": dict(forms="علق علقت", obj=False),
    "أنذر": dict(forms="أنذر أنذرت", obj=True),
    "حمل": dict(forms="حمل حملت", obj=True),
    "جاء": dict(forms="جاء", obj=False),
    "شكر": dict(forms="شكر شكرت", obj=True),
}
# duals: «أضافا», «قالا»
for _spec in list(_VERBS.values()):
    _forms = _spec["forms"].split()
    if _forms and not _forms[0].endswith(("ا", "ى")):
        _spec["forms"] += " " + _forms[0] + "ا"

VERB_FORMS: dict[str, tuple[str, bool, bool]] = {}
for stem, spec in _VERBS.items():
    for form in spec["forms"].split():
        VERB_FORMS[form] = (stem, spec.get("obj", False), spec.get("cont", False))

# Verbal nouns of speech that report like a verb when a speaker and أن follow them: «بعد إعلان
# الجيش الإسرائيلي أنه ...», «غداة تأكيد رئيس الوزراء العراقي بأن ...» (codebook §1: reported
# speech). Without a speaker and a complementizer right after them they are plain nouns.
SPEECH_MASDARS = frozenset("إعلان اعلان تأكيد تاكيد تصريح تصريحات تهديد تحذير اتهام زعم نفي قول".split())
for _m in SPEECH_MASDARS:
    VERB_FORMS.setdefault(_m, (_m, False, False))

# Circumstantial participles that continue the current speaker: «، مضيفا أن ...».
PARTICIPLES = (
    "مضيفا مضيفة مضيفين مشيرا مشيرة مشيرين مؤكدا مؤكدة مؤكدين موضحا موضحة لافتا لافتة "
    "معتبرا معتبرة قائلا قائلة قائلين محذرا محذرة مشددا مشددة داعيا داعية منوها منوهة "
    "متابعا متابعة مستطردا مستطردة مردفا مردفة واصفا واصفة متهما متهمة مطالبا مطالبة "
    "نافيا نافية متسائلا متسائلة مستدركا مستدركة معربا معربة مبديا مبدية كاشفا كاشفة "
    "مبينا مبينة منتقدا منتقدة مرحبا مرحبة متوقعا متوقعة مختتما مختتمة متحدثا متحدثة "
    "متوعدا متوعدة محملا محملة مطالبين مشيدا مشيدة"
).split()


def _gender(form: str, stem_forms: list[str]) -> str:
    """'m', 'f' or 'p' for a verb form: agreement tells whether a carried speaker fits."""
    base = stem_forms[0]
    if form.endswith(("وا", "ون", "تا")) or form in ("قلن",) or (form.endswith("ا") and form[:-1] == base):
        return "p"
    if form == base or form.startswith("ي"):
        return "m"
    if form.endswith("ت") or form.startswith("ت"):
        return "f"
    return "m"


VERB_GENDER: dict[str, str] = {}
for stem, spec in _VERBS.items():
    forms = spec["forms"].split()
    for form in forms:
        VERB_GENDER[form] = _gender(form, forms)
for p in PARTICIPLES:
    VERB_GENDER[p] = "f" if p.endswith("ة") else ("p" if p.endswith("ين") else "m")

# Diacritics and tatweel that may sit inside a written verb («أكّد»); ``classify_word`` drops them.
_DIAC = "[\u064B-\u0652\u0640]*"

# Complementizer «أن/إن» (with ب and pronoun suffixes), after an optional preposition.
COMP = r"(?:ب)?[أإا]ن(?:ه|ها|هم|هما|هن|نا|ني|ك|كم)?"
COMP_RE = regex.compile(
    r"(?<![\p{L}\p{M}])(?:(?:على|إلى|الى|من|عن)\s+)?(?P<comp>" + COMP + r")(?![\p{L}\p{M}])"
)

# «بالقول» / «قائلا» after a verb just announce the words.
ANNOUNCE_RE = regex.compile(r"^\s*(?:،\s*)?(?:بالقول|قائلا|قائلة|القول)[\u064B-\u0652]*(?![\p{L}])")
# Adverbs between a verb and its object: «رفضت مراراً اتهامات».
OBJECT_ADVERBS = set("مرارا مراراً مجددا مجدداً بشدة أيضا أيضاً كذلك رسميا رسمياً صراحة علنا علناً "
                     "تكرارا تكراراً بقوة".split())

# Quotation marks (opening, closing). Straight and curly marks pair with any closer.
OPEN_MARKS = "\"«“”„‟"
CLOSE_MARKS = "\"»”“‟"

# Tokens that start an adjunct inside the speaker phrase (time, place of speech, addressee).
TIME_WORDS = set(
    "اليوم أمس امس الليلة غدا مساء صباح فجر ظهر عصر ليل يوم الأسبوع الاسبوع الشهر "
    "الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت مساءً صباحاً "
    "مؤخرا مؤخراً لاحقا لاحقاً سابقا سابقاً أيضا أيضاً كذلك مجددا مجدداً بدوره بدورها "
    "الأثنين الإثنين، الثلثاء الاربعاء نهاية مطلع أواخر أوائل منتصف بداية حينها آنذاك حينذاك مرة".split()
)
ADJUNCT_HEADS = set(
    "خلال عبر أمام اثناء أثناء عقب بعد قبل حسب بحسب وفق وفقا وفقاً حسبما ردا رداً تعليقا "
    "تعليقاً ضمن إثر اثر منذ عند مع بشأن حول إزاء تجاه".split()
)
SPEECH_EVENT_NOUNS = set(
    "بيان بيانا البيان تصريح تصريحات تصريحه تصريحاته تصريحها حديث حديثه حديثها حوار مؤتمر "
    "مقابلة لقاء كلمة كلمته كلمتها رسالة خطاب خطابه تغريدة تغريدات تدوينة اتصال مكالمة ختام "
    "أعقاب اعقاب وقت مستهل افتتاح جلسة اجتماع تقرير تقريرها تقريره منشور مداخلة ندوة بيانه بيانها "
    "إطار اطار سياق معرض رده ردها حفل زيارة".split()
)
RELATIVES = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللواتي", "اللاتي"}

# Words that make the speaker slot journalist narration rather than a speaker.
IMPERSONAL_SPEAKERS = {"يذكر", "يشار", "يجدر", "ويذكر", "ويشار"}
# Addressees, not speakers: after «طالب/دعا/حث» with the subject elided they are the object
# («وطالب العالم أن يتحرك» = he asked the world to act).
ADDRESSEE_ONLY = {"العالم", "المجتمع الدولي", "الجميع", "العالم أجمع"}

# Generic heads that refer back to an actor named earlier in the article.
ANAPHORIC_HEADS = {
    "المصدر": "person", "المصادر": "person", "المسؤول": "person", "المسؤولون": "person",
    "الوزير": "minister", "الوزيرة": "minister", "الرئيس": "head", "المتحدث": "person",
    "المتحدثة": "person", "البيان": "any", "الوزارة": "body", "المنظمة": "body",
    "المركز": "body", "الوكالة": "body", "المجموعة": "body", "الحركة": "body", "الحزب": "body",
    "الهيئة": "body", "المفوضية": "body", "اللجنة": "body", "الجماعة": "body", "المرصد": "body",
    "التحالف": "body", "الشركة": "body", "المكتب": "body", "الجيش": "body", "المجلس": "body",
    "السفير": "person", "المبعوث": "person", "الدبلوماسي": "person", "المندوب": "person",
    "السفيرة": "person", "المندوبة": "person", "المبعوثة": "person", "النص": "any",
    "التقرير": "any", "الرسالة": "any", "الحكومة": "body", "الخارجية": "body", "البابا": "person",
    "الأمين": "person", "الامين": "person", "الملك": "head", "الأمير": "person", "الشيخ": "person",
    "الجنرال": "person", "العقيد": "person", "العميد": "person", "اللواء": "person",
    "الوزيران": "person", "الوزراء": "person", "المسؤولون": "person", "الرئيسان": "head", "الطرفان": "any", "الجانبان": "any",
}

# Lines that end the article body: comment boxes, share/follow widgets, related links.
FURNITURE_RE = regex.compile(
    r"^\s*(?:تعليقات|التعليقات|أضف تعليق|اترك تعليق|لإرسال تعليق|لا توجد تعليقات|تابعونا|تابعنا|"
    r"زر الذهاب إلى الأعلى|مقالات ذات صلة|مواضيع ذات صلة|أخبار ذات صلة|شارك(?:\s|ها|$)|"
    r"اشترك|الأكثر قراءة|لن يتم نشر عنوان بريدك)",
)
# Single link lines inside the body («قد يهمك..», «اقرأ أيضا»): skipped, the body goes on.
LINK_LINE_RE = regex.compile(r"^\s*(?:قد يهمك|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|اقرأ المزيد|شاهد أيضا|شاهد أيضاً|المزيد من|طالع أيضا)")
# Paragraph openers that continue a running article (teasers of other stories lack them).
CONNECTIVE_RE = regex.compile(
    r"^\s*(?:و|ف|ثم\b|لكن|كما\b|إلا\b|غير\s+أن|بينما|فيما|في\s+المقابل|من\s+جهت|من\s+جانب|"
    r"بدوره|بدورها|إلى\s+ذلك|يذكر|يشار|يأتي|تأتي|يُذكر|أما\b)"
)

# Speakers that are news media reporting events, not actors taking a position (codebook §1).
MEDIA_SPEAKER_RE = regex.compile(
    r"^(?:ال)?(?:وكاله(?! الدوليه)|وكالات(?! (?:اغاثه|الاغاثه|الامم|امميه|انسانيه|تابعه))|صحيفه|صحف|تلفزيون|قناه|شبكه|اذاعه|موقع|مراسل\w*|"
    r"تقارير|تقديرات|مراقب\w*|محلل\w*|وسايل|اعلام|الاعلام|صحفي\w*|الكثير)(?:\s|$)"
)
# Words before a verb without و/ف that let it open a clause.
CLAUSE_OPENERS = set(
    "كما فيما بينما حيث ثم قد لكن لكنه لكنها ولكن إذ اذ كذلك أيضا بدوره بدورها جهته جانبه "
    "جهتها جانبها المقابل حين عندما بعدما كان كانت وكان وكانت فقد وقد ذلك لقد و ف لطالما ولطالما".split()
)

# Verb forms that are as often something else (a preposition, «saw», «is considered»):
# they report speech only with an explicit أن/إن or quotation.
AMBIGUOUS_FORMS = set("رأى رأت رأوا يرى ترى يعتبر تعتبر وصف وصفت نقل نقلت طلب طلبت أمل أملت "
                      "بينت جدد جددت قدر قدرت يقدر حمل حملت تحدث تحدثت يتحدث تتحدث جاء كتب كتبت "
                      "شكر شكرت علق علقت عبر عبرت أقر أقرت".split())
# Ambiguous forms that do report speech when a given preposition follows: «عبرت X عن قلقها».
PREP_REQUIRED = {"عبر": "عن", "عبرت": "عن", "تحدث": "عن", "تحدثت": "عن", "يتحدث": "عن", "تتحدث": "عن"}
# Verbs whose content follows the preposition ب: «أشاد ب», «هدد ب», «طالب X ب».
BI_STEMS = {"أشاد", "هدد", "تعهد", "طالب", "أفاد", "ندد", "اتهم", "رحب", "توعد", "نوه", "لوح", "تمنى"}
BI_PARTICIPLES = {"مطالبا", "مطالبة", "مطالبين", "متهما", "متهمة", "متوعدا", "متوعدة", "مشيدا",
                  "مشيدة", "مرحبا", "مرحبة", "منوها", "منوهة"}
# Words before أن/إن that make it a conjunction, not a reporting complement.
NON_COMP_GOVERNORS = set("بعد قبل علما علماً إلا الا لو رغم برغم حتى بما مما يمكن يجب ينبغي المفترض "
                         "بدل بدلا بدلاً سوى منذ لأجل أجل".split())

# Words after which a bare «إن» is the conditional «if», not the complementizer: verbs and
# negations («إن شاء الله», «إن لم», «إن كان»). A quotation that opens with it keeps it.
CONDITIONAL_FOLLOWERS = set("شاء لم كان كانت كانوا كنا كنت وجد وجدت وجدوا استطاع استطعنا أراد أرادت أردنا "
                            "حصل وقع تم عاد عادت أمكن اقتضى اقتضت دعت".split())

# A negated verb reports nothing said: «ولم تعلن السلطات أسباب الحريق».
NEGATIONS = {"لم", "ولم", "لن", "ولن", "لا", "ولا", "ما", "دون", "بدون"}
# Words after which quotation marks hold a name, not words spoken: «باسم "غرفة العمليات"».
NAME_MARK_GOVERNORS = set("باسم لـ ل بـ في مع عن من مركز معهد حزب صحيفة وكالة قناة منظمة شبكة تحالف حركة "
                          "جماعة مجموعة تنظيم موقع مجلة برنامج عملية اسم شركة".split())

# Verbs with a direct object before their preposition: «حثت هيلي روسيا على ...», «دعا الجيش السكان إلى ...».
# Generic heads put before a body's own name: «فصيل كتائب حزب الله», «حركة حماس», «تنظيم داعش».
GENERIC_BODY_HEADS = set("فصيل الفصيل حركة الحركة تنظيم التنظيم جماعة الجماعة ميليشيا ميليشيات مليشيا "
                         "منظمة المنظمة حزب الحزب تحالف التحالف جبهة الجبهة مجموعة المجموعة شركة الشركة "
                         "قوات صحيفة موقع قناة وكالة".split())
# Intransitive speech verbs and the preposition that opens their content: «أعرب X عن ...».
# Everything between the verb and that preposition is the speaker («وأعربت وكالات إغاثة تابعة
# للأمم المتحدة عن قلقها»), however long.
INTRANSITIVE_PREP = {"أعرب": "عن", "عبر": "عن", "أشار": "إلى", "لفت": "إلى", "شدد": "على", "تحدث": "عن"}
TRANSITIVE_STEMS = {"دعا", "حض", "حث", "طالب", "اتهم", "حمل", "ناشد", "أبلغ", "شكر", "وصف", "حذر", "هدد", "انتقد"}
# Title words after which the next undetermined words are a name: «البابا فرنسيس», «الأمير محمد بن سلمان».
TITLE_WORDS = set("الرئيس البابا الأمير الامير الشيخ الملك السيد السيدة الدكتور الجنرال العقيد العميد اللواء "
                  "المستشار الوزير الوزيرة السفير المبعوث المندوب الناطق المتحدث المتحدثة الأمين الامين "
                  "نائب رئيس وزير وزيرة سفير مندوب مبعوث الرائد المقدم".split())


class Trigger:
    """A reporting verb or participle found in text (the shape of a regex match)."""

    __slots__ = ("_start", "_end", "pre", "verb", "participle")

    def __init__(self, start: int, end: int, pre: str, verb: str, participle: bool):
        self._start, self._end, self.pre, self.verb, self.participle = start, end, pre, verb, participle

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name: str) -> str:
        return self.pre if name == "pre" else self.verb


_TOKEN = regex.compile(r"[\p{L}\p{M}]+")
_DIAC_RE = regex.compile(_DIAC)
_PARTICIPLE_SET = frozenset(PARTICIPLES)


@functools.lru_cache(maxsize=16384)
def classify_word(word: str) -> tuple[str, str, bool] | None:
    """``(prefix, verb, is_participle)`` when ``word`` is a reporting verb or participle."""
    w = _DIAC_RE.sub("", word) if not word.isalpha() or "\u0640" in word else word
    if w in VERB_FORMS:
        return "", w, False
    if w in _PARTICIPLE_SET:
        return "", w, True
    if len(w) >= 3 and w[0] in "وف":  # «وحث» is و + حث
        rest = w[1:]
        if rest in VERB_FORMS:
            return w[0], rest, False
        if w[0] == "و" and rest in _PARTICIPLE_SET:
            return "و", rest, True
    return None


# Every plain written form classify_word accepts: a paragraph none of whose words is here (and
# that has no diacritics to strip) has no trigger, found by one set test instead of a loop.
_TRIGGER_WORDS = frozenset([*VERB_FORMS, *(p + f for f in VERB_FORMS for p in "وف"), *_PARTICIPLE_SET,
                            *("و" + p for p in _PARTICIPLE_SET)])
_DIAC_CHAR = regex.compile("[\u064B-\u0652\u0640]")


def iter_triggers(text: str, start: int, end: int):
    """Reporting verbs and participles in ``text[start:end]``, in order (a dictionary lookup
    per word: much faster than one large alternation)."""
    if _DIAC_CHAR.search(text, start, end) is None \
            and _TRIGGER_WORDS.isdisjoint(_TOKEN.findall(text, start, end)):
        return
    for m in _TOKEN.finditer(text, start, end):
        hit = classify_word(m.group())
        if hit is not None:
            yield Trigger(m.start(), m.end(), hit[0], hit[1], hit[2])


def trigger_at(text: str, pos: int):
    """The reporting verb or participle starting exactly at ``pos``, if any."""
    m = _TOKEN.match(text, pos)
    if m is None:
        return None
    hit = classify_word(m.group())
    return Trigger(m.start(), m.end(), hit[0], hit[1], hit[2]) if hit else None


def has_trigger(text: str) -> bool:
    return any(classify_word(m.group()) for m in _TOKEN.finditer(text))

# Words that modify a time word: «الأسبوع الماضي», «مطلع الشهر الحالي», «مرة أخرى».
TIME_MODIFIERS = set("الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية نفسه ذاته نفسها ذاتها أخرى "
                     "الأخير الأخيرة الفائت الفائتة السابق السابقة".split())

# Verbal nouns that restate the reporting act after a verb: «جدد التأكيد على أن».
REPORTING_MASDARS = set("التأكيد الدعوة التحذير الإشارة الاشارة الترحيب التشديد التنديد الرفض "
                        "تأكيده تأكيدها دعوته دعوتها رفضه رفضها ترحيبه ترحيبها".split())
