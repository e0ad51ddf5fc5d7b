"""How a fact's source reads to a learner.

Packs cite the course text by its file name (``aws-basics-ko.md § EC2``), which
keeps the CSV checkable against the file; a learner reads the course's title
instead. URLs and other citations stay as they are.
"""

from __future__ import annotations

__all__ = ["COURSE_FILE", "cite"]

#: The file name built-in edges use to cite the course text.
COURSE_FILE = "aws-basics-ko.md"
_COURSE_TITLE = {"en": "AWS 기초 (course text)", "ko": "AWS 기초 (강의 자료)"}


def cite(source_ref: str, lang: str = "en") -> str:
    """``source_ref`` as shown to a learner.

    >>> cite("aws-basics-ko.md § EC2"), cite("aws-basics-ko.md § EC2", "ko")
    ('AWS 기초 (course text) § EC2', 'AWS 기초 (강의 자료) § EC2')
    >>> cite("https://docs.aws.amazon.com/vpc/")
    'https://docs.aws.amazon.com/vpc/'
    """
    if source_ref.startswith(COURSE_FILE):
        return _COURSE_TITLE.get(lang, _COURSE_TITLE["en"]) + source_ref[len(COURSE_FILE) :]
    return source_ref
