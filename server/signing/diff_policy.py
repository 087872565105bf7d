"""What a later approval step may change in a signed PDF: add annotations, nothing else.

pyHanko's standard difference analysis (0.38) knows signatures and form filling but not the
"annotations" level its DocMDP permission 3 allows: it reports a stamp added after a signature
as an unexplained change. `AnnotationAdditionRule` explains exactly that change and no other:
a page whose only difference is a longer /Annots array (nothing removed),
the new annotation objects and the objects only they use (appearance streams, popups), all
created in that revision. Anything else (a page's content, a font, an old annotation changed)
stays unexplained, so the signature before it reads "changed after: other".
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    ModificationLevel,
    QualifiedWhitelistRule,
    ReferenceUpdate,
    StandardDiffPolicy,
)
from pyhanko.sign.diff_analysis.commons import compare_dicts
from pyhanko.sign.diff_analysis.form_rules_api import FormUpdatingRule
from pyhanko.sign.diff_analysis.rules.form_field_rules import (
    GenericFieldModificationRule,
    SigFieldCreationRule,
    SigFieldModificationRule,
)


class AnnotationAdditionRule(QualifiedWhitelistRule):
    def apply_qualified(self, old: HistoricalResolver, new: HistoricalResolver
                        ) -> Iterable[tuple[ModificationLevel, ReferenceUpdate]]:
        level = ModificationLevel.ANNOTATIONS
        for old_page, new_ref in _pages(old.root["/Pages"], new.root["/Pages"], set()):
            new_page = new_ref.get_object()
            old_refs, _ = _annots(old_page)
            new_refs, annots_ref = _annots(new_page)
            added = [ref for ref in new_refs if ref not in old_refs]
            if (not added or not set(old_refs) <= set(new_refs)
                    or not compare_dicts(old_page, new_page, frozenset({"/Annots"}),
                                         raise_exc=False)):
                continue
            kinds = [_kind(old, ref) for ref in added]
            if None in kinds:
                continue
            annotations = [ref for ref, kind in zip(added, kinds, strict=True)
                           if kind == "annotation"]
            # Widgets of new signature fields are the form rule's to approve (it is told not
            # to bind them to pages itself: it would refuse a page that gained annotations
            # too); the page that holds them is approved here, as a whole: the comparison
            # above covers every way it is reached (the page tree, each widget's /P).
            level = (ModificationLevel.ANNOTATIONS if annotations
                     else ModificationLevel.LTA_UPDATES)
            yield level, ReferenceUpdate(new_ref.reference)
            if annots_ref is not None and old.is_ref_unassignable(annots_ref):
                yield level, ReferenceUpdate(annots_ref)
            for ref in annotations:
                yield level, ReferenceUpdate(ref)
                for dependency in new.collect_dependencies(
                        ref.get_object(), since_revision=old.revision + 1):
                    if old.is_ref_unassignable(dependency):
                        yield level, ReferenceUpdate(dependency)


def _pages(old_node: generic.PdfObject, new_node: generic.PdfObject, seen: set
           ) -> Iterator[tuple[generic.DictionaryObject, generic.IndirectObject]]:
    """Each page of the old tree with its reference in the new one (same tree shape only:
    added or moved pages are not an annotation)."""
    old_kids = old_node.get_object().get("/Kids", generic.ArrayObject())
    new_kids = new_node.get_object().get("/Kids", generic.ArrayObject())
    if len(old_kids) != len(new_kids):
        return
    for old_kid, new_kid in zip(old_kids, new_kids, strict=True):
        if (not isinstance(new_kid, generic.IndirectObject)
                or not isinstance(old_kid, generic.IndirectObject)
                or old_kid.reference != new_kid.reference or new_kid.reference in seen):
            continue
        seen.add(new_kid.reference)
        old_object = old_kid.get_object()
        if old_object.get("/Type") == "/Pages":
            yield from _pages(old_object, new_kid, seen)
        else:
            yield old_object, new_kid


def _annots(page: generic.DictionaryObject
            ) -> tuple[list[generic.Reference], generic.Reference | None]:
    try:
        raw = page.raw_get("/Annots")
    except KeyError:
        return [], None
    array_ref = raw.reference if isinstance(raw, generic.IndirectObject) else None
    refs = [item.reference for item in raw.get_object()
            if isinstance(item, generic.IndirectObject)]
    return refs, array_ref


def _kind(old: HistoricalResolver, ref: generic.Reference) -> str | None:
    """"annotation" or "widget" for an object created in the new revision; None for
    anything else (an old object moved onto the page, or not an annotation)."""
    if not old.is_ref_unassignable(ref):
        return None
    annotation = ref.get_object()
    if not isinstance(annotation, generic.DictionaryObject):
        return None
    subtype = annotation.get("/Subtype")
    if subtype == "/Widget":
        return "widget"
    return "annotation" if subtype is not None and "/FT" not in annotation else None


def _not_the_annotate_caveat(record: logging.LogRecord) -> bool:
    """pyHanko warns on every validation that its policy does not handle DocMDP level 3:
    the rule above is that handling, so the warning says nothing here."""
    return "MDPPerm.ANNOTATE" not in record.getMessage()


logging.getLogger("pyhanko.sign.diff_analysis.policies").addFilter(_not_the_annotate_caveat)

ANNOTATIONS_POLICY = StandardDiffPolicy(
    global_rules=[*DEFAULT_DIFF_POLICY.global_rules, AnnotationAdditionRule()],
    form_rule=FormUpdatingRule(field_rules=[
        SigFieldCreationRule(approve_widget_bindings=False),
        SigFieldModificationRule(),
        GenericFieldModificationRule(),
    ]),
)
"""pyHanko's default policy, plus annotations added after a signature."""
