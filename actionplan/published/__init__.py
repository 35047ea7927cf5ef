"""The published plan: writing a frozen version, and reading it back typed.

Modules: `values` (each kind of value an action's declared fields hold, written,
read, shown and exported one way), `reading` (the dataclasses and
`read`/`latest`/`version`), `freezing` (`freeze`), `differences` (`differences`
and its change records), `searching` (`index_version`: the search entries of the
last version).

A `PlanVersion` keeps the plan as it was when the coordinator published it,
as JSON, so that the public reads the same plan until the next version
whatever partners edit meanwhile, and so that every earlier version stays
readable. This module alone knows that JSON: `freeze(plan)` writes it from
the rows, `read(version)` turns it into the dataclasses below, which the
public pages, the print view, the exports and the follow mails use.
`differences(older, newer)` says what changed from one version to another.

Shape of a read version (`PublishedPlan`)::

    PublishedPlan
      plan_id, slug, number, published_at, note
      title, summary: Translated        (str() gives the active language)
      starts_on, ends_on: date
      themes: [PublishedTheme]
        id, title, description: Translated, order
        sectors: [SectorRef(slug, name: Translated)]
        actions: [PublishedAction]
          id, title, description, objectives: str
          lead_partner: PartnerRef(id, name, city: Translated)
          partners: [PartnerRef]        (involved, the lead not repeated)
          starts_on, ends_on: date | None
          budget_estimate: Decimal | None, funding_source: str
          status: str (Action.Status value), status_label
          sectors: [SectorRef]
          milestones: [PublishedMilestone(title, due_on, done_on)]
          indicators: [PublishedIndicator]
            id, name, unit, baseline, target, target_date
            updates: [PublishedUpdate(value, measured_on, note)], oldest first
            latest: PublishedUpdate | None
            progress: Progress          (as of the publication date)
          timeline: [StatusEvent(at, source, target, source_label, target_label)],
                    oldest first: every status change up to publication

`PublishedPlan.actions` lists every action in plan order; `.action(id)` finds
one (None if that version does not hold it). Amounts and values are
`Decimal`s, dates `date`s, `published_at` and `at` aware datetimes.

The stored JSON (`PlanVersion.data`) mirrors this shape with dates as ISO
strings, decimals as strings, translated texts as `{"it": ..., "en": ...}`,
and `"schema": 1`; a later schema must keep reading older versions.
"""

from actionplan.published.differences import (
    COMPARED_FIELDS,
    ActionDifference,
    FieldChange,
    IndicatorChange,
    PlanDifference,
    differences,
)
from actionplan.published.freezing import freeze
from actionplan.published.reading import (
    SCHEMA,
    PublishedAction,
    PublishedIndicator,
    PublishedMilestone,
    PublishedPlan,
    PublishedTheme,
    PublishedUpdate,
    StatusEvent,
    latest,
    read,
    version,
)
from actionplan.published.searching import index_version
from actionplan.published.values import (
    ACTION_COLUMNS,
    ACTION_KINDS,
    PartnerRef,
    SectorRef,
    Translated,
)

__all__ = [
    "ACTION_COLUMNS",
    "ACTION_KINDS",
    "ActionDifference",
    "COMPARED_FIELDS",
    "FieldChange",
    "IndicatorChange",
    "PartnerRef",
    "PlanDifference",
    "PublishedAction",
    "PublishedIndicator",
    "PublishedMilestone",
    "PublishedPlan",
    "PublishedTheme",
    "PublishedUpdate",
    "SCHEMA",
    "SectorRef",
    "StatusEvent",
    "Translated",
    "differences",
    "freeze",
    "index_version",
    "latest",
    "read",
    "version",
]
