"""The Label Studio labeling config, generated from :mod:`stance.frames`.

>>> from stance.labelstudio.config import label_config
>>> xml = label_config()
>>> 'alias="terrorism"' in xml and 'alias="none"' in xml
True

The config shows the quote and its context paragraph right to left, the speaker mention and
the canonical actor, and asks for the frames as a multi-label ``Choices`` whose stored values
(``alias``) are the stable English keys of :data:`stance.frames.FRAME_KEYS` plus an explicit
``none``; Arabic names are only what the annotator sees. An optional free-text comment goes
with each annotation. The control names below are what exports and the parser agree on.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from stance.frames import FRAMES, NONE_KEY

FRAMES_CONTROL = "frames"  # <Choices name=...>: the frame labels
COMMENT_CONTROL = "comment"  # <TextArea name=...>: optional annotator comment
QUOTE_OBJECT = "quote"  # <Text name=...>: the quote the labels refer to
CONTROLS = (FRAMES_CONTROL, COMMENT_CONTROL)

# Task data fields the config shows; every task must carry them (empty string when unknown).
DISPLAY_FIELDS = ("text", "context", "speaker", "actor")

NONE_ARABIC = "لا إطار"
INSTRUCTIONS = (
    "ما الأطر التي تستحضرها كلمات المتحدث نفسه (لا موضوع المقال)؟ "
    "اختر إطارا أو أكثر، أو «لا إطار». "
    "Which frames do the speaker's own words invoke (not what the article is about)? "
    "Choose one or more, or 'none'."
)

_RTL = "direction: rtl; text-align: right; unicode-bidi: plaintext;"


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
        f"  <Header value={quoteattr(INSTRUCTIONS)} size=\"6\"/>",
        f'  <Choices name="{FRAMES_CONTROL}" toName="{QUOTE_OBJECT}" choice="multiple" '
        'showInline="true" required="true" '
        'requiredMessage="Choose at least one frame, or none">',
        *choices,
        "  </Choices>",
        f'  <View style="{_RTL}">',
        f'    <TextArea name="{COMMENT_CONTROL}" toName="{QUOTE_OBJECT}" rows="2" '
        'maxSubmissions="1" editable="true" required="false" '
        'placeholder="ملاحظة (اختياري) / comment (optional)"/>',
        "  </View>",
        "</View>",
    ]
    return "\n".join(lines) + "\n"


def frames_result(frames: list[str] | tuple[str, ...]) -> list[dict]:
    """An annotation/prediction ``result`` choosing ``frames`` (``[]`` -> the ``none`` choice)."""
    return [{
        "from_name": FRAMES_CONTROL,
        "to_name": QUOTE_OBJECT,
        "type": "choices",
        "value": {"choices": list(frames) if frames else [NONE_KEY]},
    }]
