"""How a person may write what the forms ask: the ways the features name, that rules.md allows."""


def _grouped(nir: str, separator: str) -> str:
    """The NIR as the carte Vitale prints it: 1 85 07 75 123 456."""
    return separator.join((nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13]))


NIR_WRITINGS = {
    "tel quel": lambda nir: nir,
    "en minuscules": str.lower,
    "avec des espaces": lambda nir: _grouped(nir, " "),
    "avec des points": lambda nir: _grouped(nir, "."),
}
DATE_WRITINGS = {
    "telle quelle": lambda text: text,
    "entourée d'espaces": lambda text: f"  {text} ",
}
CHARACTERS_WRITINGS = {
    "tels quels": lambda answer: answer,
    "en minuscules": str.lower,
    "entourés d'espaces": lambda answer: f"  {answer} ",
    "sauf le dernier": lambda answer: answer[:-1],
}
