"""The characters to copy: the answer the target gives for this session, or staging's fixed one."""

from collections.abc import Callable


class CaptchaAnswers:
    """Where the scenario reads the characters its page shows now."""

    def __init__(self, read_answer: Callable[[], str]):
        self._read_answer = read_answer

    def current(self) -> str:
        return self._read_answer()


def wrong_characters(answer: str) -> str:
    """Characters that differ from the answer at every position, whatever the case."""
    return "".join("Y" if character.upper() == "X" else "X" for character in answer)


def expect_new_characters(before: str, after: str) -> None:
    assert after != before, (
        f"Après « Nouvelle liste de caractères », les caractères attendus devaient changer ; ils sont restés « {before} »."
    )
