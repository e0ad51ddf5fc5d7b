"""How a fact's source reads to a learner.

Packs cite the course text by its file name (``aws-basics-ko.md § EC2``), which
keeps the CSV checkable against the file; a learner reads the course's title
instead. AWS publishes its documentation in Korean under the same path with
``/ko_kr/`` in front (``docs.aws.amazon.com/ko_kr/vpc/...``): packs keep the
English link, and :func:`docs_link` derives the Korean one, for every place
that shows a link to a Korean learner (``show``, the page, the Anki deck, a
cited source). Other citations stay as they are.
"""

from __future__ import annotations

import re

__all__ = ["COURSE_FILE", "cite", "docs_link"]

#: The file name built-in edges use to cite the course text.
COURSE_FILE = "aws-basics-ko.md"
_COURSE_TITLE = {"en": "AWS 기초 (course text)", "ko": "AWS 기초 (교재)"}
#: An AWS documentation link not already in a language of its own (``/ko_kr/``, ``/ja_jp/``).
_AWS_DOCS = re.compile(r"^(https?://docs\.aws\.amazon\.com)(/(?![a-z]{2}_[a-z]{2}/))", re.IGNORECASE)


def cite(source_ref: str, lang: str = "en") -> str:
    """``source_ref`` as shown to a learner.

    >>> cite("aws-basics-ko.md § EC2"), cite("aws-basics-ko.md § EC2", "ko")
    ('AWS 기초 (course text) § EC2', 'AWS 기초 (교재) § EC2')
    >>> cite("https://docs.aws.amazon.com/vpc/")
    'https://docs.aws.amazon.com/vpc/'
    """
    if source_ref.startswith(COURSE_FILE):
        return _COURSE_TITLE.get(lang, _COURSE_TITLE["en"]) + source_ref[len(COURSE_FILE) :]
    return docs_link(source_ref, lang)


def docs_link(url: str, lang: str = "en") -> str:
    """The link to open for a learner reading ``lang``: AWS's Korean page for Korean, else ``url`` itself.

    >>> docs_link("https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html", "ko")
    'https://docs.aws.amazon.com/ko_kr/vpc/latest/userguide/what-is-amazon-vpc.html'
    >>> docs_link("https://docs.aws.amazon.com/vpc/", "en"), docs_link("https://kubernetes.io/docs/", "ko")
    ('https://docs.aws.amazon.com/vpc/', 'https://kubernetes.io/docs/')
    >>> docs_link("https://docs.aws.amazon.com/ko_kr/vpc/", "ko")
    'https://docs.aws.amazon.com/ko_kr/vpc/'
    """
    if lang != "ko":
        return url
    return _AWS_DOCS.sub(r"\1/ko_kr\2", url, count=1)
