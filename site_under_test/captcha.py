"""The characters to copy: the answer the target gives for this session, or staging's fixed one."""

from collections.abc import Callable

import pytest

FIXED_ANSWER_REASON = (
    "La configuration de recette donne une réponse fixe au captcha : impossible de voir "
    "qu'une nouvelle liste de caractères remplace la précédente."
)


class CaptchaAnswers:
    """Where the scenario reads the characters its page shows now; each list read is kept,
    so that a replaced list can be typed again."""

    def __init__(self, read_answer: Callable[[], str], fixed: bool = False):
        self._read_answer = read_answer
        self._fixed = fixed
        self.seen: list[str] = []

    def current(self) -> str:
        answer = self._read_answer()
        if not self.seen or self.seen[-1] != answer:
            self.seen.append(answer)
        return answer

    def replaced(self) -> str:
        """The list shown before the one shown now."""
        self._require_changes_visible()
        self.current()
        assert len(self.seen) >= 2, f"Aucune liste de caractères n'a été remplacée ; vues : {self.seen}."
        return self.seen[-2]

    def expect_new_since(self, before: str, after_what: str) -> None:
        self._require_changes_visible()
        after = self.current()
        assert after != before, (
            f"Après {after_what}, les caractères attendus devaient changer ; ils sont restés « {before} »."
        )

    def _require_changes_visible(self) -> None:
        if self._fixed:
            pytest.skip(FIXED_ANSWER_REASON)


def wrong_characters(answer: str) -> str:
    """Characters that differ from the answer at every position, whatever the case."""
    return "".join("Y" if character.upper() == "X" else "X" for character in answer)
