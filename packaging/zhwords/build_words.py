"""Build resources/zhwords/words.txt, the Chinese word list srbrief.zhwords keeps whole on every line, from the
dictionary of jieba (MIT licence, resources/zhwords/LICENSE-jieba.txt): its words of two to six Chinese characters
used at least MIN_FREQUENCY times in jieba's corpus, one line per first character, the rest of each word between
'|' marks ("产|业|业链|品|"): about 1 MB on disk and in memory, loaded in a few milliseconds (the segmenter rjieba
held 33 MiB and took 0.12 s to import; the app's memory target has no room for it).

    python -m pip install jieba==0.42.1   # build time only
    python packaging/zhwords/build_words.py
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

MIN_FREQUENCY = 5
WORD = re.compile(r"[\u4e00-\u9fff]{2,6}")
TARGET = Path(__file__).resolve().parents[2] / "resources" / "zhwords" / "words.txt"


def build(dictionary: Path, target: Path = TARGET) -> int:
    """Write the word list read from jieba's *dictionary* ('word frequency tag' lines); return its word count."""
    rests: dict[str, set[str]] = defaultdict(set)
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, frequency, *_ = line.split()
        if WORD.fullmatch(word) and int(frequency) >= MIN_FREQUENCY:
            rests[word[0]].add(word[1:])
    lines = [first + "|" + "|".join(sorted(rest)) + "|" for first, rest in sorted(rests.items())]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sum(len(rest) for rest in rests.values())


if __name__ == "__main__":
    import jieba

    count = build(Path(jieba.get_dict_file().name))
    print(f"{TARGET}: {count} words", file=sys.stderr)
