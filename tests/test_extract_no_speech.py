"""Sentences that report no speech, from the judged pool quotes (``../shared/data/pool_quotes.jsonl``,
flags by model-based annotators) and the development gold: narration, verbs of deeds that share
a form with reporting verbs, subjects that cannot speak. Each test states what a careful
annotator would mark, and a speech sentence of the same verb that must stay.
"""

from __future__ import annotations

import pytest

from stance.extract import Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def quotes_of(extractor, text):
    return extractor({"article_id": "t", "text": text})


# --- «أثار»: provoked (anger, controversy, questions), a quote only with أن, quotes or a question
@pytest.mark.parametrize("sentence", [
    "وأثارت تصريحات غندور جدلا كبيرا لدى السودانيين في وسائل التواصل الاجتماعي، الذين تداولوا مقطع فيديو يحوي كلمته.",
    "وأثارت موافقة مجلس النواب على مشروع القانون تحفظات عدد من المؤسسات المعنية بحرية التعبير.",
    "وأثارت بار ردود فعل عنيفة على شبكات التواصل الاجتماعي بعد أن شبهت جاريت بابنة لجماعة الإخوان المسلمون.",
])
def test_athara_provoked_is_no_quote(extractor, sentence):
    assert quotes_of(extractor, sentence) == []


def test_athara_raising_a_question_is_speech(extractor):
    text = ("كما أثار وزير الخارجية الروسي تساؤلا عن الأسباب التي دفعت الولايات المتحدة وحلفاءها لشن ضربات "
            "جوية على سوريا قبل وصول المفتشين.")
    q = quotes_of(extractor, text)
    assert len(q) == 1 and "الأسباب التي دفعت الولايات المتحدة" in q[0]["text"]
    assert "وزير الخارجية الروسي" in q[0]["speaker"]


# --- information and evidence do not speak: figures, news, polls, investigations, statements
@pytest.mark.parametrize("sentence", [
    "أشارت إحصائيات جديدة إلى تزايد عدد جرائم الكراهية، التي تستهدف الناس بسبب عقائدهم الدينية.",
    "تؤكد المعطيات الميدانية أن تحرير مدينة الحديدة ومينائها الاستراتيجي، بات محسوماً وفقاً للمعايير العسكرية.",
    "وتشير أنباء إلى أن الطالب، وهو في السنة الرابعة، يضمر عداء للكلية.",
    "كذلك كشفت تحقيقات أخرى أن حقي حاول تجنيد 55 طفلاً تراوحت أعمارهم بين 11 و14 عاماً خلال عمله في مسجد.",
])
def test_information_nouns_are_no_speakers(extractor, sentence):
    assert quotes_of(extractor, sentence) == []


def test_a_person_reporting_figures_still_speaks(extractor):
    text = "وأشار المتحدث باسم الشرطة إلى أن الأرقام تؤكد تزايد عدد جرائم الكراهية في البلاد."
    q = quotes_of(extractor, text)
    assert len(q) == 1 and q[0]["speaker"] == "المتحدث باسم الشرطة"


# --- a verb inside a restrictive relative clause describes its antecedent
@pytest.mark.parametrize("sentence", [
    ("ويبدو أن أردوغان ينقلب بشكل سريع على المبادئ التي يعلن اعتناقها وفقا لمصالحه الشخصية، فهو ضد تدخل "
     "العسكر حين تكون هذه الخطوة لا تتوافق مع مشاريعه."),
    ("وعظيموف منفذ الاعتداء الذي أعلن تنظيم \"الدولة الإسلامية\" مسؤوليته عنه فرنسي في العشرين من العمر "
     "ولد في الشيشان."),
])
def test_a_restrictive_relative_clause_reports_nothing(extractor, sentence):
    assert [q for q in quotes_of(extractor, sentence) if q["rule"] == "subject_verb_object"] == []


def test_an_appositive_relative_clause_still_reports(extractor):
    text = "ويواجه القس، الذي ينفي تلك الاتهامات، السجن لمدة تصل إلى 35 عاما في حالة إدانته."
    q = quotes_of(extractor, text)
    assert len(q) == 1 and q[0]["text"].startswith("تلك الاتهامات")


# --- an imperfect verb right after an indefinite noun opens an adjectival clause on it
@pytest.mark.parametrize("sentence", [
    "وحدد فريق بي بي سي أدلة موثوقة تؤكد استخدام الأسلحة الكيمياوية في 106 من أصل الحوادث الـ 164.",
    ("واعتذر فيسبوك حينها لحجبه مؤقتا حسابين على صلة بمواقع إخبارية فلسطينية تنتقد اسرائيل، وقال إن "
     "الأمر وقع عن طريق \"خطأ\"."),
])
def test_an_adjectival_clause_on_an_indefinite_noun_reports_nothing(extractor, sentence):
    assert [q for q in quotes_of(extractor, sentence) if q["rule"] == "subject_verb_object"] == []


def test_a_named_subject_before_an_imperfect_verb_still_reports(extractor):
    text = "الجيش السوري يؤكد سيطرته الكاملة على الغوطة الشرقية بعد خروج آخر المسلحين."
    q = quotes_of(extractor, text)
    assert len(q) == 1 and q[0]["speaker"] == "الجيش السوري"


# --- a noun phrase right after a plural verb is its object, never its subject
def test_the_noun_after_a_plural_verb_is_its_object_not_the_speaker(extractor):
    text = ("مسؤولون آخرون في السلطة الجزائرية تقدموا بتعازيهم ودعوا الشعب الجزائري إلى التضامن ومواجهة هذه "
            "الظروف الصعبة حسب تعبيرهم.")
    assert all(q["speaker"] != "الشعب الجزائري" for q in quotes_of(extractor, text))


# --- a verb that never goes without its object (needs_object): its one noun phrase is the object
def test_the_one_noun_phrase_of_wasafa_is_its_object_and_the_speaker_is_carried(extractor):
    text = ("وقال مسؤول في واحدة من الجماعات المسلحة بالغوطة الشرقية إن المقاتلين يحاربون للتصدي لمحاولة "
            "توغل حكومية ووصف المعركة بأنها \"كر وفر\".")
    q = [q for q in quotes_of(extractor, text) if "كر وفر" in q["text"]]
    assert len(q) == 1 and q[0]["speaker"] != "المعركة" and "مسؤول" in (q[0]["actor"] or "")


def test_wasafa_with_its_subject_and_object_keeps_the_subject(extractor):
    text = "ووصف الأمين العام للأمم المتحدة، أنطونيو غوتيريش، الوضع هناك بأنه \"جحيم على الأرض\"."
    q = quotes_of(extractor, text)
    assert len(q) == 1 and q[0]["actor"] == "أنطونيو غوتيريش"


# --- forms of reporting verbs that are nouns, adjectives or negated here, and media reporting
NOT_REPORTED = [  # each after an opening line «مقدمة الخبر هنا.»
    # a relative clause with a subject of its own says nothing of the name before «الذي»
    "وكان الرئيس الأسبق محمد مرسي الذي أعلن الجيش عزله في 2013 قد توفي أمس.",
    # a verbal noun is no speaker, also where the article writes it after «أن» (read as the
    # name «آن»: pool corpus, «تحديد توقيت ومواقع الهجمات ...» spoke and was carried on)
    "ويبدو أن تحديد توقيت ومواقع الهجمات الكيمياوية المبلغ عنها يكشف عن نمط في كيفية استخدامها.",
    # declining to speak («رفض التعليق», «رفض الرد على سؤال»): nothing said (pool corpus: the
    # speaker was «متحدث عسكري إسرائيلي الرد» and the text «سؤال بشأن ...»)
    "ورفض متحدث عسكري إسرائيلي الرد على سؤال بشأن سبب رفع السرية عن هذه الوثائق.",
    "ورفضت الشركة الإسرائيلية الإدلاء بأكثر من البيان الذي أصدرته.",
    # newspapers reporting a fact (codebook §1), like «وذكرت الصحف»
    "وذكرت عدة صحف بلجيكية أنه يواجه تهمة في قضية سطو تعرض له ثلاثة موظفين.",
    # a newspaper credited by name reports facts; «واشنطن بوست» is no government
    'وقالت "واشنطن بوست" إن الدفعات القطرية شملت أيضا إيرانيين والحكومتين التركية والعراقية.',  # SK-middleEast-1305-20180428
    "وذكرت نيويورك تايمز أن جورج نادر، رجل الأعمال الأمريكي المولود في لبنان، التقى ترامب الابن.",
    # a verbal noun after «يتم/يأتي», a verb negated through «أو»
    "ولم يتم كشف الاتهامات الموجهة إليه، لكن المصادر صنفت الأمر.",
    "يأتي كشف 3 أجهزة أمنية في أوروبا عن محاولة النظام الإيراني.",
    "ولم يعط رئيس اللجنة مزيدا من التفاصيل أو يعلن الأرقام الرسمية للنتائج.",
    # dual verb forms that are common nouns: «قدرا» an amount, «شكرا» thanks
    "ويستمد الصدر قدرا كبيرا من سطوته من أسرته.",
    "وقدم الوزير شكرا خاصا للحكومة على جهودها.",
    # a participle's form as an adjective or a noun
    "ويترافق الحج عادة مع تدابير أمنية مشددة، إذ تخللته خلال أعوام سابقة حوادث تدافع.",
    "وقام عدد من النشطاء بإطلاق طائرات ورقية بعضها محملة بمواد حارقة تم إسقاط عدد منها.",
    "وأضاف بن يدر الهدف الثاني بعد أربع دقائق إثر متابعة رأسية حيث لمس دي خيا الكرة.",
    "وشن الطيران الحربي 18 غارة جوية، وكانت كل واحدة منها محملة بستة صواريخ.",
    # a Form V verbal noun (تفعّل) is the object of the verb, not its speaker
    "كما أعلن تبرع المملكة بمبلغ 150 مليون دولار لدعم الأوقاف الإسلامية في القدس.",  # FR-internationalNews-742-20180415
]


@pytest.mark.parametrize("sentence", NOT_REPORTED)
def test_no_report_here(extractor, sentence):
    assert quotes_of(extractor, "مقدمة الخبر هنا.\n" + sentence) == []


def test_a_continuation_participle_still_reports_after_a_feminine_definite_noun(extractor):
    text = ("مقدمة الخبر هنا.\nودعت الحكومة اللبنانية إلى التهدئة مؤكدة أن الحوار هو السبيل الوحيد.")
    assert [q["text"] for q in quotes_of(extractor, text)][-1] == "الحوار هو السبيل الوحيد"


# --- a verb before a known body is no name: «يجتمع مجلس الأمن» is the council meeting
@pytest.mark.parametrize("sentence", [
    "ومن المقرر أن يجتمع مجلس الأمن الدولي، في وقت لاحق السبت، للتصويت على مشروع قرار يدعو إلى هدنة "
    "إنسانية في الغوطة.",
    "من المتوقع أن يصوت مجلس الأمن الدولي في وقت لاحق اليوم على مشروع قرار يدعو إلى وقف إطلاق النار في "
    "سوريا لمدة 30 يوما.",
])
def test_an_imperfect_verb_before_a_known_body_is_no_speaker(extractor, sentence):
    assert quotes_of(extractor, sentence) == []


def test_an_adverb_with_a_pronoun_before_the_speaker_is_skipped(extractor):
    # «حذر خلالها رئيس الوزراء»: «خلالها» (during it) is no speaker; the prime minister is
    text = ("وعقد البرلمان جلسة طارئة لمناقشة أزمة البصرة، بعد ظهر السبت الماضي، حذر خلالها رئيس الوزراء، "
            "حيدر العبادي، من أن الوضع قد ينزلق إلى صراع مسلح.")
    q = quotes_of(extractor, text)
    assert len(q) == 1 and q[0]["text"].startswith("الوضع قد ينزلق")
    assert not q[0]["speaker"].startswith("خلالها") and q[0]["actor"] == "حيدر العبادي"


def test_but_he_with_a_pronoun_carries_the_speaker(extractor):
    # «ولكنه اعتبر ...، التي اعتبر أنها»: the second «اعتبر» has no subject of its own; «ولكنه»
    # (but he) is the speaker of the sentence before, not a name
    text = ("وكان رئيس الأركان الإيراني اللواء محمد باقري قال إن إيران وسوريا ستلتزمان بقرار مجلس الأمن حول "
            "وقف إطلاق النار، ولكنه اعتبر أن بعض أقسام ضواحي دمشق، التي اعتبر أنها تخضع لمن وصفهم "
            "بـ\"الإرهابيين\" ستبقى خارج قرار وقف إطلاق النار \"وستستمر عمليات تطهيرها من الإرهاب\" في إشارة "
            "إلى نية مواصلة العمليات بالمنطقة.")
    q = quotes_of(extractor, text)
    assert len(q) == 3 and {x["actor"] for x in q} == {"محمد باقري"}
