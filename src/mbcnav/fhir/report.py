"""The import report: one line per resource saying what became of it and why."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReportLine:
    resource: str  # "Condition/abc" or "entry 3"
    action: str  # "imported" | "skipped"
    detail: str  # one plain sentence fragment

    def __str__(self) -> str:
        return f"{self.resource}: {self.action}: {self.detail}"


@dataclass
class ImportReport:
    lines: list[ReportLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the bundle as a whole

    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def _add(self, line: ReportLine) -> ReportLine:
        self.lines.append(line)
        self._index.setdefault(line.resource, line)
        return line

    def imported(self, resource: str, detail: str) -> ReportLine:
        return self._add(ReportLine(resource, "imported", detail))

    def skipped(self, resource: str, detail: str) -> ReportLine:
        return self._add(ReportLine(resource, "skipped", detail))

    def line_for(self, resource: str) -> ReportLine | None:
        return self._index.get(resource)

    def demote(self, resource: str, why: str) -> None:
        """Turn an 'imported' line into 'skipped' (a later check dropped what it gave)."""
        line = self.line_for(resource)
        if line is None:
            self.skipped(resource, why)
        elif line.action == "imported":
            line.action, line.detail = "skipped", why

    @property
    def imported_count(self) -> int:
        return sum(1 for line in self.lines if line.action == "imported")

    @property
    def skipped_count(self) -> int:
        return sum(1 for line in self.lines if line.action == "skipped")

    def summary(self) -> str:
        n = len(self.lines)
        return (
            f"{n} resource{'' if n == 1 else 's'} read: {self.imported_count} imported, "
            f"{self.skipped_count} skipped."
        )

    def text(self) -> str:
        return "\n".join([self.summary(), *self.notes, *(str(line) for line in self.lines)])

    def as_dict(self) -> dict:
        return {
            "imported": self.imported_count,
            "skipped": self.skipped_count,
            "notes": list(self.notes),
            "lines": [
                {"resource": x.resource, "action": x.action, "detail": x.detail} for x in self.lines
            ],
        }
