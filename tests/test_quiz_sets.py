"""A quiz set never asks the same question twice, and a shorter set is the start of a longer one."""

from __future__ import annotations

from awskg.explorer.quiz import candidates, questions


def test_a_question_with_several_answers_is_asked_once_per_set(kg):
    texts = [c.question for c in candidates(kg)]
    shared = {t for t in texts if texts.count(t) > 1}
    assert "___ is a characteristic of Cloud computing." in shared  # five characteristics answer it
    for seed in range(1, 41):
        for lang in ("en", "ko"):
            asked = [q.question for q in questions(kg, count=30, seed=seed, lang=lang)]
            assert len(asked) == len(set(asked)) == 30, (seed, lang)


def test_fewer_rather_than_a_repeat_and_prefixes_agree(kg):
    everything = questions(kg, count=10_000, seed=3)
    assert len(everything) == len({q.question for q in everything}) < len(candidates(kg))
    for count in (5, 10):
        assert questions(kg, count=count, seed=3) == questions(kg, count=20, seed=3)[:count]
