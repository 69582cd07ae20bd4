"""The four framing labels: the one source of truth for keys, Arabic names and instructions.

Everything that shows or checks frame labels (the Label Studio config, dataset building,
experiment configs, reports) reads them from here. Definitions follow ``codebook.md`` §3.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    key: str  # stable English value stored in exports and datasets
    arabic: str  # display name
    definition: str  # one line: the quote presents the matter as ...
    cues: tuple[str, ...]  # example cue words (examples, not rules)


FRAMES: tuple[Frame, ...] = (
    Frame(
        "terrorism",
        "الإرهاب",
        "a fight against terrorism, extremism or armed groups; a security threat from them; "
        "counter-terrorism cooperation",
        ("الإرهاب", "الإرهابيين", "داعش", "التنظيم المتشدد", "مكافحة", "التصدي", "معسكرات تدريب"),
    ),
    Frame(
        "sovereignty",
        "السيادة",
        "national sovereignty, independence of decision, territorial integrity, legitimacy of "
        "state consent, rejecting foreign intervention, occupation or partition",
        ("السيادة", "الاستقلال", "قرار حر", "دون موافقة", "عدوان", "الاحتلال", "التدخل", "التقسيم",
         "حماية الحدود"),
    ),
    Frame(
        "solidarity",
        "التضامن",
        "brotherhood, alliance, shared fate and mutual support between the speaker's side and "
        "another",
        ("الشقيق", "في خندق واحد", "أمن العراق من أمن سوريا", "الوقوف إلى جانب", "الدعم",
         "كسر الحصار", "موقف عربي موحد"),
    ),
    Frame(
        "mediation",
        "الوساطة",
        "diplomacy, dialogue, reconciliation, mediation, de-escalation, negotiated or peaceful "
        "solutions, convening meetings",
        ("الوساطة", "المصالحة", "الحوار", "التشاور", "التهدئة", "إبعاد التصعيد", "حلول سلمية",
         "عقد اجتماع"),
    ),
)

FRAME_KEYS: tuple[str, ...] = tuple(f.key for f in FRAMES)
NONE_KEY = "none"  # the explicit "no frame" choice in Label Studio; never stored as a frame
FRAME_BY_KEY = {f.key: f for f in FRAMES}
