"""The characters that the forgot-password page shows, as the target tells them."""

from collections.abc import Callable

import pytest

FIXED_ANSWER_REASON = (
    "La configuration de recette donne une réponse fixe au captcha : impossible de voir "
    "qu'une nouvelle liste de caractères remplace la précédente."
)


class ShownCharacters:
    """Reads the characters shown now (/__test__/captcha, or a fixed staging answer)
    and remembers each list read, so that a replaced list can be typed again."""

    def __init__(self, read: Callable[[], str], fixed: bool = False):
        self._read = read
        self._fixed = fixed
        self.seen: list[str] = []

    def now(self) -> str:
        answer = self._read()
        if not self.seen or self.seen[-1] != answer:
            self.seen.append(answer)
        return answer

    def replaced(self) -> str:
        """The list shown before the one shown now."""
        self._require_changes_visible()
        self.now()
        assert len(self.seen) >= 2, f"Aucune liste de caractères n'a été remplacée ; vue : {self.seen}."
        return self.seen[-2]

    def expect_new_since(self, before: str) -> None:
        self._require_changes_visible()
        after = self.now()
        assert after != before, (
            f"Après « Nouvelle liste de caractères », les caractères attendus devaient changer ; "
            f"ils sont restés « {before} »."
        )

    def _require_changes_visible(self) -> None:
        if self._fixed:
            pytest.skip(FIXED_ANSWER_REASON)
