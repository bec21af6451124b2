"""The collaboration-model taxonomy as data, its replacement by a plugin, the recommendation."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import attrs

import collabrules
from collabrules import Engine
from collabrules.alternatives.choosing import implied_change, overlay
from collabrules.model.models import CollaborationModel, ModelRecommendation, Taxonomy
from collabrules.model.text import Text
from collabrules.model.vocab import Level, Status
from collabrules.standard.taxonomy import DATA, standard_models

from .helpers import patched


def test_models_json_describes_every_model_in_both_languages() -> None:
    raw = json.loads(resources.files("collabrules.standard").joinpath(DATA).read_text("utf-8"))
    ids = [m["id"] for m in raw["models"]]
    assert ids == ["transactional", "performance-based", "collaborative",
                   "strategic-alliance", "defensive"]
    for model in standard_models():
        assert model.name.en and model.name.nl and model.name.en != model.name.nl
        assert model.stages and model.frameworks and model.governance
        assert sum(s.months for s in model.stages) <= model.build_months
    depths = [m.depth for m in standard_models() if not m.adversarial]
    assert depths == sorted(depths) == list(range(len(depths)))
    assert [m.id for m in standard_models() if m.adversarial] == ["defensive"]


def test_trust_grows_with_depth() -> None:
    scale = [m for m in standard_models() if not m.adversarial]
    ranks = [m.trust.rank for m in scale]
    assert ranks == sorted(ranks)
    assert scale[0].trust is Level.LOW and scale[-1].trust is Level.HIGH


def test_default_engine_uses_the_standard_taxonomy() -> None:
    taxonomy = Engine().taxonomy
    assert taxonomy is not None and taxonomy.name == "standard"
    assert set(taxonomy.models) == {m.id for m in standard_models()}


class _Frugal:
    """A house plugin that replaces the collaborative model by a cheaper one."""

    @collabrules.hookimpl
    def collabrules_add_models(self, register: Any) -> None:
        original = next(m for m in standard_models() if m.id == "collaborative")
        register(attrs.evolve(original, name=Text("Frugal collaboration", "Zuinige samenwerking"),
                              build_months=5.0), replaces=True)


class _Fixed:
    """A house plugin that always recommends the transactional model."""

    @collabrules.hookimpl(tryfirst=True)
    def collabrules_recommend_model(self, taxonomy: Taxonomy) -> ModelRecommendation | None:
        model = taxonomy.get("transactional")
        assert model is not None
        return ModelRecommendation(model=model.id, name=model.name, why=(), current=None,
                                   gap=Text("house rule", "huisregel"))


def test_a_plugin_replaces_a_model_through_the_hook() -> None:
    engine = Engine(plugins=[_Frugal()])
    assert not engine.problems
    report = engine.evaluate(patched("bespoke-software"))
    assert report.recommendation is not None
    assert report.recommendation.name.en == "Frugal collaboration"


def test_a_plugin_replaces_the_recommendation_through_the_hook() -> None:
    report = Engine(plugins=[_Fixed()]).evaluate(patched("bespoke-software"))
    assert report.recommendation is not None
    assert report.recommendation.model == "transactional"


def _recommend(name: str, sets: dict[str, Any] | None = None,
               removes: list[str] | None = None) -> ModelRecommendation:
    report = Engine().evaluate(patched(name, sets, removes))
    assert report.recommendation is not None
    return report.recommendation


def test_unknown_delivery_depth_gives_the_models_each_value_leads_to() -> None:
    rec = _recommend("office-cleaning", removes=["delivery.risk"])
    assert rec.model is None
    assert rec.missing == ("$.delivery.risk",)
    assert {p.result: p.when for p in rec.possible} == {
        "transactional": ((("$.delivery.risk", "low"),),),
        "performance-based": ((("$.delivery.risk", "medium"),), (("$.delivery.risk", "high"),))}
    assert "Performance-based if it is medium-sized or high" in rec.why[-1].en


def test_long_strategic_delivery_with_a_cooperative_party_recommends_an_alliance() -> None:
    rec = _recommend("bespoke-software", {"delivery.duration_months": 72,
                                          "parties[0].attitude": "cooperative"})
    assert rec.model == "strategic-alliance"
    assert rec.path[-1].name.en == "Alliance governance"


def test_an_alliance_only_crowns_work_that_calls_for_collaboration() -> None:
    # Strategic, long, cooperative, hard-to-replace, but a standard service at high risk:
    # the delivery calls for performance-based depth (its strategic importance already
    # raised it), and tailoring tolerates one step deeper, never two.
    strategic = {"delivery.strategic_importance": "high", "delivery.spend_impact": "high",
                 "delivery.duration_months": 120, "delivery.risk": "high",
                 "parties[1].replaceability": "hard"}
    rec = _recommend("office-cleaning", strategic)
    assert rec.model == "performance-based"
    assert not any("alliance" in why.en for why in rec.why)
    # ...and the duration an alliance waits on no longer keeps such a case open.
    assert _recommend("office-cleaning", strategic,
                      removes=["delivery.duration_months"]).model == "performance-based"
    bespoke = _recommend("office-cleaning", {**strategic, "delivery.standardisation": "bespoke"})
    assert bespoke.model == "strategic-alliance"


def test_hostile_but_weak_counterpart_is_not_enough_for_defensive() -> None:
    rec = _recommend("aggressive-monopolist", {"parties[1].power": "low",
                                               "parties[1].replaceability": "easy"})
    assert rec.model != "defensive"
    assert any("does not dominate us" in why.en for why in rec.why)


# ADR 0025 point 7: the defensive model is for an adversary that dominates (dominant power,
# or it cannot be replaced), the power CR07 and CR08 guard against; high power alone is not.
ADVERSARY = {"parties[1].power": "high", "parties[1].replaceability": "hard"}


def test_an_adversary_with_high_power_that_can_be_replaced_gets_no_defensive_design() -> None:
    rec = _recommend("aggressive-monopolist", ADVERSARY)
    assert rec.model == "performance-based"  # configurable work at medium risk
    assert any("does not dominate us" in why.en and "domineert ons niet" in why.nl
               for why in rec.why)


def test_an_adversary_with_dominant_power_or_that_cannot_be_replaced_gets_defensive() -> None:
    for change in ({"parties[1].power": "dominant"},
                   {"parties[1].replaceability": "irreplaceable"}):
        rec = _recommend("aggressive-monopolist", {**ADVERSARY, **change})
        assert rec.model == "defensive", change
        assert any("dominates us" in why.en and "domineert ons" in why.nl for why in rec.why)


def test_an_adversary_whose_replaceability_is_unknown_waits_on_it() -> None:
    rec = _recommend("aggressive-monopolist", {"parties[1].power": "high"},
                     removes=["parties[1].replaceability"])
    assert rec.model is None
    assert {p.result: p.when for p in rec.possible} == {
        "defensive": ((("$.parties[1].replaceability", "irreplaceable"),),),
        "performance-based": tuple((("$.parties[1].replaceability", value),)
                                   for value in ("easy", "moderate", "hard"))}


BESPOKE = {"delivery.standardisation": "bespoke", "delivery.uncertainty": "high",
           "parties[1].power": "low", "parties[1].replaceability": "easy"}


def test_deep_collaboration_is_not_advised_towards_an_adversary() -> None:
    # DOMAIN ties the collaborative model for bespoke, uncertain work to a counterpart that
    # cooperates; CR07 finds a deep model towards an adversary, so the advice stops short.
    rec = _recommend("aggressive-monopolist", BESPOKE)
    assert rec.model == "performance-based"
    assert "$.parties[1].attitude" in rec.facts
    assert any("cooperative counterpart" in why.en and "coöperatieve tegenpartij" in why.nl
               for why in rec.why)
    assert _recommend("aggressive-monopolist",
                      {**BESPOKE, "parties[1].attitude": "neutral"}).model == "collaborative"
    unknown = _recommend("aggressive-monopolist", BESPOKE, removes=["parties[1].attitude"])
    assert unknown.model is None
    assert {p.result for p in unknown.possible} == {"collaborative", "performance-based"}


def test_the_recommended_design_satisfies_not_everyone_is_a_friend() -> None:
    # The recommendation and CR07 must not contradict each other: adopting the recommended
    # model (with the design it implies) towards any adversary leaves nothing for CR07 to
    # find, and CR07 treats high power like low power, so the advice does too.
    taxonomy = {m.id: m for m in standard_models()}
    engine = Engine()
    for attitude in ("opportunistic", "hostile"):
        for power in ("low", "medium", "high", "dominant"):
            for replaceability in ("easy", "hard", "irreplaceable"):
                for standardisation in ("standard", "bespoke"):
                    sets = {**BESPOKE, "parties[1].attitude": attitude,
                            "parties[1].power": power,
                            "parties[1].replaceability": replaceability,
                            "delivery.standardisation": standardisation}
                    case = patched("aggressive-monopolist", sets)
                    rec = engine.evaluate(case).recommendation
                    assert rec is not None and rec.model is not None, sets
                    design = overlay(case["relationship"], implied_change(taxonomy[rec.model]))
                    adopted = {**case, "relationship": design}
                    cr07 = next(f for f in engine.evaluate(adopted).findings
                                if f.code == "CR07")
                    assert cr07.status is Status.UPHELD, (sets, rec.model, cr07.status)
                    dominates = power == "dominant" or replaceability == "irreplaceable"
                    assert (rec.model == "defensive") is dominates, (sets, rec.model)


def test_standard_work_at_medium_risk_is_performance_based_and_at_low_risk_transactional(
) -> None:
    # DOMAIN: "commodity or standard low-risk work for a transactional one; measurable
    # outputs at medium risk for a performance-based one".
    medium = _recommend("office-cleaning", {"delivery.risk": "medium"})
    assert medium.model == "performance-based"
    assert "$.delivery.risk" in medium.facts
    assert any("medium risk" in why.en and "middelgroot risico" in why.nl for why in medium.why)
    assert _recommend("office-cleaning", {"delivery.risk": "low"}).model == "transactional"


def test_over_deep_model_gets_a_lighter_recommendation() -> None:
    rec = _recommend("office-cleaning", {"relationship.model": "collaborative"})
    assert rec.model == "transactional"
    assert "deeper than needed" in rec.gap.en
    assert rec.path == next(m for m in standard_models() if m.id == "transactional").stages


def test_recommendation_cites_the_facts_it_used() -> None:
    rec = _recommend("bespoke-software")
    assert {"$.delivery.standardisation", "$.delivery.risk", "$.relationship.model"} <= set(
        rec.facts)
    assert rec.current == "transactional"
    assert rec.trust is Level.HIGH
    assert all(isinstance(m, CollaborationModel) for m in standard_models())
