"""全国地方公共団体コード: six digits, the last a check digit (JIS X 0402 scheme)."""

from __future__ import annotations

from desktop.domain.text import normalise_numeric
from desktop.i18n import _

_WEIGHTS = (6, 5, 4, 3, 2)


class CodeError(ValueError):
    """The local-government code is malformed; the message is for the clerk."""


def check_digit(first_five: str) -> int:
    """11 − (Σ digit × weight mod 11), taken mod 10, with weights 6,5,4,3,2."""
    total = sum(int(d) * w for d, w in zip(first_five, _WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def parse_local_gov_code(text: str) -> str:
    """Returns the normalised 6-digit code or raises CodeError naming what is wrong."""
    cleaned = normalise_numeric(text).replace("-", "")
    if len(cleaned) != 6 or not cleaned.isdigit():
        raise CodeError(_("全国地方公共団体コードは6桁の数字で入力してください"))
    expected = check_digit(cleaned[:5])
    if int(cleaned[5]) != expected:
        raise CodeError(
            _("全国地方公共団体コード「{code}」の検査数字が正しくありません（正しくは{right}）").format(
                code=cleaned, right=cleaned[:5] + str(expected)
            )
        )
    return cleaned
