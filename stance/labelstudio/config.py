"""The Label Studio labeling config, generated from :mod:`stance.frames`.

>>> from stance.labelstudio.config import label_config
>>> xml = label_config()
>>> 'alias="terrorism"' in xml and 'alias="none"' in xml
True

The config shows the quote and its context paragraph right to left, the speaker mention and
the canonical actor, and asks for the frames as a multi-label ``Choices`` whose stored values
(``alias``) are the stable English keys of :data:`stance.frames.FRAME_KEYS` plus an explicit
``none``; Arabic names are only what the annotator sees. Beside the frames, a single-choice
**extraction check** judges what the extractor found (:data:`EXTRACTION_KEYS`: ``ok``,
``wrong_speaker``, ``bad_boundaries``, ``not_a_quote``), so people who label frames also
measure the extractor's precision (``stance eval-extract --judged``). An optional free-text
comment goes with each annotation. The control names below are what exports and the parser
agree on. The question header is two lines, the Arabic one right to left and the English one
left to right, so that neither sentence's punctuation lands on the other's side.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from stance.frames import FRAMES, NONE_KEY

FRAMES_CONTROL = "frames"  # <Choices name=...>: the frame labels
COMMENT_CONTROL = "comment"  # <TextArea name=...>: optional annotator comment
EXTRACTION_CONTROL = "extraction"  # <Choices name=...>: the judgement of the extraction
QUOTE_OBJECT = "quote"  # <Text name=...>: the quote the labels refer to
CONTROLS = (FRAMES_CONTROL, EXTRACTION_CONTROL, COMMENT_CONTROL)

# The extraction check: (stored key, Arabic, English hint). ``ok`` first: the default answer.
EXTRACTION = (
    ("ok", "سليم", "a real quote, its speaker and actor are right, its boundaries fit"),
    ("wrong_speaker", "متحدث خاطئ",
     "the speaker or actor is not who said it (a fragment, a place, an addressee, another person)"),
    ("bad_boundaries", "حدود خاطئة",
     "a real quote cut badly: a lost negation or predicate, or narration swallowed"),
    ("not_a_quote", "ليس اقتباسا",
     "narration, an outlet reporting facts, or an unnamed 'some' (البعض): nobody is quoted"),
)
EXTRACTION_KEYS = tuple(k for k, _, _ in EXTRACTION)

# Task data fields the config shows; every task must carry them (empty string when unknown).
DISPLAY_FIELDS = ("text", "context", "speaker", "actor")

NONE_ARABIC = "لا إطار"
# The question, one line per language: each sits in a block of its own direction.
INSTRUCTIONS_AR = ("ما الأطر التي تستحضرها كلمات المتحدث نفسه (لا موضوع المقال)؟ "
                   "اختر إطارا أو أكثر، أو «لا إطار».")
INSTRUCTIONS_EN = ("Which frames do the speaker's own words invoke (not what the article is "
                   "about)? Choose one or more, or 'none'.")
EXTRACTION_AR = "هل استُخرج الاقتباس ومتحدثه بشكل صحيح؟"
EXTRACTION_EN = "Is the quote, with its speaker, extracted correctly?"

_RTL = "direction: rtl; text-align: right; unicode-bidi: plaintext;"
_LTR = "direction: ltr; text-align: left; unicode-bidi: isolate;"


def _question(arabic: str, english: str) -> list[str]:
    """Two header lines: Arabic right to left, English left to right, never one bidi run."""
    return [f'  <View style="{_RTL}"><Header value={quoteattr(arabic)} size="6"/></View>',
            f'  <View style="{_LTR} color: #555;"><Header value={quoteattr(english)} '
            'size="6"/></View>']


def _choice(value: str, alias: str, hint: str) -> str:
    return f"    <Choice value={quoteattr(value)} alias={quoteattr(alias)} hint={quoteattr(hint)}/>"


def label_config() -> str:
    """The labeling config XML (a string), deterministic for a given ``stance.frames``."""
    choices = [
        _choice(f"{f.arabic} ({f.key})", f.key,
                f"{f.definition}. {'، '.join(f.cues)}")
        for f in FRAMES
    ]
    choices.append(_choice(f"{NONE_ARABIC} ({NONE_KEY})", NONE_KEY,
                           "none of the frames above: the quote invokes no frame"))
    checks = [_choice(f"{ar} ({key})", key, hint) for key, ar, hint in EXTRACTION]
    lines = [
        "<View>",
        f'  <View style="{_RTL} font-size: 1.15em; line-height: 1.7;">',
        '    <Header value="الاقتباس" size="5"/>',
        f'    <Text name="{QUOTE_OBJECT}" value="$text" granularity="word"/>',
        '    <View style="display: flex; gap: 2.5em; margin-top: 0.6em;">',
        '      <View><Header value="المتحدث" size="6"/><Text name="speaker" value="$speaker"/></View>',
        '      <View><Header value="الفاعل" size="6"/><Text name="actor" value="$actor"/></View>',
        "    </View>",
        '    <Header value="السياق" size="6"/>',
        f'    <View style="{_RTL} color: #444; border-right: 3px solid #ccc; padding-right: 0.8em;">',
        '      <Text name="context" value="$context"/>',
        "    </View>",
        "  </View>",
        *_question(INSTRUCTIONS_AR, INSTRUCTIONS_EN),
        f'  <Choices name="{FRAMES_CONTROL}" toName="{QUOTE_OBJECT}" choice="multiple" '
        'showInline="true" required="true" '
        'requiredMessage="Choose at least one frame, or none">',
        *choices,
        "  </Choices>",
        *_question(EXTRACTION_AR, EXTRACTION_EN),
        f'  <Choices name="{EXTRACTION_CONTROL}" toName="{QUOTE_OBJECT}" choice="single" '
        'showInline="true" required="false">',
        *checks,
        "  </Choices>",
        f'  <View style="{_RTL}">',
        f'    <TextArea name="{COMMENT_CONTROL}" toName="{QUOTE_OBJECT}" rows="2" '
        'maxSubmissions="1" editable="true" required="false" '
        'placeholder="ملاحظة (اختياري) / comment (optional)"/>',
        "  </View>",
        "</View>",
    ]
    return "\n".join(lines) + "\n"


def frames_result(frames: list[str] | tuple[str, ...],
                  extraction: str | None = None) -> list[dict]:
    """An annotation/prediction ``result`` choosing ``frames`` (``[]`` -> the ``none`` choice)
    and, when given, the extraction judgement (one of :data:`EXTRACTION_KEYS`)."""
    result = [{
        "from_name": FRAMES_CONTROL,
        "to_name": QUOTE_OBJECT,
        "type": "choices",
        "value": {"choices": list(frames) if frames else [NONE_KEY]},
    }]
    if extraction is not None:
        if extraction not in EXTRACTION_KEYS:
            raise ValueError(f"unknown extraction judgement {extraction!r} "
                             f"(expected one of {', '.join(EXTRACTION_KEYS)})")
        result.append({"from_name": EXTRACTION_CONTROL, "to_name": QUOTE_OBJECT,
                       "type": "choices", "value": {"choices": [extraction]}})
    return result
