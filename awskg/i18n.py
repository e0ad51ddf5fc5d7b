"""Every interface word awskg shows, in English and Korean: one table, one dict per language.

Data (labels, summaries, notes) comes from the packs and sentences from
:mod:`awskg.explorer.sentences`; only the words around them live here. The
terminal reads them with :func:`text`, the Anki deck too, and the page gets the
whole table as ``data.ui`` (its scripts read it with ``ui(key)``), so a word is
translated once. Values are :meth:`str.format` templates; both languages have
the same keys with the same ``{placeholders}`` (a test checks it).

Keys, by who shows them:

- everyone (terminal, page, deck): ``facts``, ``properties``, ``source`` (a
  citation's heading), ``documentation``, and the comparison's headings:
  ``differences`` (dimensions that differ), ``same`` (dimensions alike),
  ``common`` (facts both concepts have), ``only`` (facts one has: ``{a}``),
  ``not_stated`` (no value on a dimension);
- the terminal: the card (``aliases``, ``docs_label``, ``none``, ``note``),
  ``relate`` (``direct``, ``apart``), ``neighbors`` (``via``), tours (``stops``,
  ``stop_of``, ``tour_keys``), the quiz (``question``, ``answer_prompt``,
  ``choose``, ``quiz_right``, ``quiz_wrong``, ``quiz_score``, ``source_aside``)
  and spinners (``loading``, ``rendering``);
- the page: every other key, named after the control or message it labels.

Korean is in the plain written style (``-다``) on the terminal and in the
polite style (``-습니다``) on the page, with one term for each idea
(``공통점`` for what two concepts have in common).
"""

from __future__ import annotations

from typing import Any

__all__ = ["LANGS", "TEXT", "text"]

#: The interface languages, in ``--lang`` order.
LANGS = ("en", "ko")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        # everyone
        "facts": "Facts",
        "properties": "Properties",
        "source": "Source",
        "differences": "Differences",
        "same": "Alike",
        "common": "In common, both",
        "only": "Only {a}",
        "not_stated": "not stated",
        "documentation": "Documentation",
        # the terminal
        "aliases": "aliases",
        "docs_label": "docs",
        "none": "(none)",
        "direct": "{a} and {b} are directly connected.",
        "apart": "{a} and {b} are {n} hops apart.",
        "via": "via",
        "stops": "stops",
        "question": "Question {n}/{total}:",
        "answer_prompt": "Your answer (letter):",
        "choose": "Please type one of {keys}.",
        "quiz_right": "Right",
        "quiz_wrong": "Not quite, the answer is {letter}",
        "source_aside": "source",
        "quiz_score": "Score: {score}/{total}",
        "note": "note",
        "stop_of": "stop {n} of {total}",
        "tour_keys": "Enter/n next · b back · q quit",
        "loading": "loading packs",
        "rendering": "rendering {n} concepts",
        # the page
        "title": "awskg — cloud and AWS basics",
        "search": "Search concepts",
        "kinds": "Kinds",
        "relations": "Relations",
        "counts": "{nodes} concepts · {edges} facts",
        "progress": "{done} done · {learning} learning",
        "learning": "Learning",
        "done": "Done",
        "clear_mark": "Not started",
        "export": "Export progress",
        "import": "Import progress",
        "imported": "Progress imported: {count} concepts.",
        "bad_import": "That file is not awskg progress for this map.",
        "tours": "Tours",
        "no_tour": "Choose a tour",
        "prev": "Previous",
        "next": "Next",
        "step": "Stop {step} of {total}",
        "quiz": "Quiz",
        "start_quiz": "Start a quiz",
        "next_question": "Next question",
        "right": "Right!",
        "wrong": "Not quite. The answer is {answer}.",
        "score": "Score: {score} / {total}",
        "quiz_hint": "Answer with a button, or click the concept in the map.",
        "kind": "Kind",
        "docs": "Official documentation",
        "close": "Close",
        "help": "Click a concept to read about it; Escape clears.",
        "page_title_path": "How {a} relates to {b} — awskg",
        "page_title_focus": "Around {a} — awskg",
        "relate": "Relate",
        "compare": "Compare",
        "from": "From",
        "to": "To",
        "relate_to": "Relate to…",
        "compare_with": "Compare with…",
        "paths_title": "How {a} relates to {b}",
        "compare_title": "{a} and {b}",
        "no_path": "No connection between {a} and {b} within {n} hops.",
        "same_concept": "Those are the same concept.",
        "unknown": "No concept called “{name}”.",
        "did_you_mean": "Did you mean:",
        "ambiguous": "“{name}” could mean:",
        "menu": "Menu",
        "zoom_in": "Zoom in",
        "zoom_out": "Zoom out",
        "fit": "Show everything",
        "skip": "Skip to the concept panel",
        "map_label": "Concept map: arrow keys walk to neighbors, Enter opens one",
        "start_title": "A map of cloud and AWS basics",
        "start_text": "Each bubble is a concept; each line, a fact. Start with one of these:",
        "start_tour": "Take a tour",
        "start_question": "Answer a question",
        "start_compare": "Compare ALB and NLB",
        "dismiss": "Got it",
        "back_to_tour": "Back to the tour",
        "end_tour": "End tour",
        "seed": "Question set {seed}",
        "summary": "Done: {score} of {total} right.",
        "review": "Concepts to review:",
        "new_quiz": "New question set",
        "legend": "Legend",
        "relate_button": "Show",
        # the page: short source links, the quiz's length and place, the overview
        "source_aws": "AWS docs",
        "source_nist": "NIST",
        "source_course": "course text",
        "quiz_of": "Question {n} / {total}",
        "quiz_length": "Questions per set",
        "because": "Why not {chosen}:",
        "overview": "Overview",
        "show_all": "Show everything",
    },
    "ko": {
        # everyone
        "facts": "관계",
        "properties": "특성",
        "source": "출처",
        "differences": "차이점",
        "same": "공통 특성",
        "common": "공통점",
        "only": "{a}만",
        "not_stated": "정보 없음",
        "documentation": "문서",
        # the terminal
        "aliases": "별칭",
        "docs_label": "문서",
        "none": "(없음)",
        "direct": "{a} — {b}: 직접 연결되어 있다.",
        "apart": "{a} — {b}: {n}단계 떨어져 있다.",
        "via": "경유",
        "stops": "곳",
        "question": "문제 {n}/{total}:",
        "answer_prompt": "답 (글자):",
        "choose": "{keys} 중 하나를 입력하세요.",
        "quiz_right": "정답",
        "quiz_wrong": "오답이다. 정답은 {letter}",
        "source_aside": "출처",
        "quiz_score": "점수: {score}/{total}",
        "note": "참고",
        "stop_of": "{total}곳 중 {n}번째",
        "tour_keys": "Enter/n 다음 · b 이전 · q 끝내기",
        "loading": "팩을 읽는 중",
        "rendering": "개념 {n}개를 그리는 중",
        # the page
        "title": "awskg — 클라우드와 AWS 기초",
        "search": "개념 검색",
        "kinds": "종류",
        "relations": "관계",
        "counts": "개념 {nodes}개 · 관계 {edges}개",
        "progress": "완료 {done} · 학습 중 {learning}",
        "learning": "학습 중",
        "done": "완료",
        "clear_mark": "시작 전",
        "export": "진도 내보내기",
        "import": "진도 가져오기",
        "imported": "진도를 가져왔습니다: 개념 {count}개.",
        "bad_import": "이 지도의 awskg 진도 파일이 아닙니다.",
        "tours": "투어",
        "no_tour": "투어 선택",
        "prev": "이전",
        "next": "다음",
        "step": "{total}곳 중 {step}번째",
        "quiz": "퀴즈",
        "start_quiz": "퀴즈 시작",
        "next_question": "다음 문제",
        "right": "정답!",
        "wrong": "오답입니다. 정답은 {answer}입니다.",
        "score": "점수: {score} / {total}",
        "quiz_hint": "버튼을 누르거나 지도에서 개념을 클릭해 답하세요.",
        "kind": "종류",
        "docs": "공식 문서",
        "close": "닫기",
        "help": "개념을 클릭하면 설명이 나옵니다. Esc로 해제합니다.",
        "page_title_path": "{a} → {b} 관계 — awskg",
        "page_title_focus": "{a} 주변 — awskg",
        "relate": "관계 찾기",
        "compare": "비교",
        "from": "출발",
        "to": "도착",
        "relate_to": "다른 개념과의 관계…",
        "compare_with": "다른 개념과 비교…",
        "paths_title": "{a} → {b} 관계",
        "compare_title": "{a} · {b}",
        "no_path": "{n}단계 안에서 {a} → {b} 연결을 찾지 못했습니다.",
        "same_concept": "같은 개념입니다.",
        "unknown": "“{name}” 개념을 찾지 못했습니다.",
        "did_you_mean": "혹시 이것을 찾으셨나요:",
        "ambiguous": "“{name}”: 여러 개념이 해당됩니다:",
        "menu": "메뉴",
        "zoom_in": "확대",
        "zoom_out": "축소",
        "fit": "전체 보기",
        "skip": "개념 패널로 건너뛰기",
        "map_label": "개념 지도: 화살표 키로 이웃 개념으로 이동, Enter로 열기",
        "start_title": "클라우드와 AWS 기초 지도",
        "start_text": "동그라미는 개념, 선은 사실입니다. 이것부터 시작해 보세요:",
        "start_tour": "투어 시작",
        "start_question": "문제 풀기",
        "start_compare": "ALB와 NLB 비교",
        "dismiss": "확인",
        "back_to_tour": "투어로 돌아가기",
        "end_tour": "투어 끝내기",
        "seed": "문제 세트 {seed}",
        "summary": "끝: {total}문제 중 {score}개 정답.",
        "review": "복습할 개념:",
        "new_quiz": "새 문제 세트",
        "legend": "범례",
        "relate_button": "보기",
        "source_aws": "AWS 문서",
        "source_nist": "NIST",
        "source_course": "강의 자료",
        "quiz_of": "문제 {n} / {total}",
        "quiz_length": "한 세트의 문제 수",
        "because": "{chosen} — 오답인 이유:",
        "overview": "개요",
        "show_all": "모두 보기",
    },
}


def text(lang: str, key: str, **values: Any) -> str:
    """The interface word ``key`` in ``lang``, its placeholders filled.

    >>> text("ko", "only", a="ECS")
    'ECS만'
    """
    return TEXT[lang][key].format(**values)
