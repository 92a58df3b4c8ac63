//! Answers that contradict each other. Each rule looks only at the answers,
//! not at the weights: a contradiction is worth raising even in a factor the
//! user has left out.

use std::collections::BTreeMap;

use serde::Serialize;

/// A pair of answers that do not fit together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable id, e.g. `low_price_enterprise` (for tests and the UI's keys).
    pub id: &'static str,
    /// One or two short sentences: the clash and what to check.
    pub message: &'static str,
}

/// A rule's condition: a question id and the option ids that meet it.
pub type Condition = (&'static str, &'static [&'static str]);

/// One contradiction rule: fires when every condition holds, each being a
/// question id and the option ids that meet it.
struct Rule {
    id: &'static str,
    message: &'static str,
    all: &'static [Condition],
}

const HIGH_PRICE: &[&str] = &["to_8k", "over_8k"];
const BIG_BUYER: &[&str] = &["enterprise"];

static RULES: &[Rule] = &[
    Rule {
        id: "low_price_enterprise",
        message: "Under $100 a month rarely covers a sale to large firms. Raise the price for them or aim at smaller teams.",
        all: &[("price_level", &["under_100"]), ("aud_size", BIG_BUYER)],
    },
    Rule {
        id: "low_price_procurement",
        message: "A procurement process costs more to get through than under $100 a month brings in.",
        all: &[("price_level", &["under_100"]), ("aud_signer", &["procurement"])],
    },
    Rule {
        id: "low_price_negotiated",
        message: "Quotes and negotiated contracts for under $100 a month cost more to close than they earn.",
        all: &[("price_level", &["under_100"]), ("price_buy", &["quote", "contract"])],
    },
    Rule {
        id: "high_price_no_sellers",
        message: "Contracts over $1K a month usually need someone to close them, but nobody sells full time.",
        all: &[("price_level", HIGH_PRICE), ("fund_sellers", &["nobody"])],
    },
    Rule {
        id: "slow_value_self_serve",
        message: "A free plan or trial rarely lasts until value that takes days or more. Plan for guided onboarding.",
        all: &[("prod_ttv", &["days", "months"]), ("price_buy", &["free_plan", "trial"])],
    },
    Rule {
        id: "project_setup_self_serve",
        message: "A setup project does not fit a sign-up-and-pay path. Someone has to scope and run it.",
        all: &[("prod_setup", &["project"]), ("price_buy", &["free_plan", "trial"])],
    },
    Rule {
        id: "card_buyer_many_voices",
        message: "The user pays by card, yet four or more people have a say. Check who really decides.",
        all: &[("aud_signer", &["user"]), ("aud_people", &["several", "many"])],
    },
    Rule {
        id: "individuals_committee",
        message: "Individuals rarely buy through an executive or a committee. Check who the customer is.",
        all: &[("aud_size", &["individuals"]), ("aud_signer", &["executive", "procurement"])],
    },
    Rule {
        id: "mass_vision_high_price",
        message: "Millions of users seldom pay over $1K a month each. Check the price or the vision.",
        all: &[("cul_vision", &["mass"]), ("price_level", HIGH_PRICE)],
    },
];

/// The contradictions in a set of answers, in a fixed order. "Not sure" and
/// unanswered questions never trigger a rule.
pub fn warnings(answers: &BTreeMap<String, String>) -> Vec<Warning> {
    RULES
        .iter()
        .filter(|r| {
            r.all.iter().all(|(qid, opts)| {
                answers
                    .get(*qid)
                    .is_some_and(|a| opts.iter().any(|o| o == a))
            })
        })
        .map(|r| Warning {
            id: r.id,
            message: r.message,
        })
        .collect()
}

/// Every rule's id and the (question, options) it checks, for tests that
/// make sure each rule refers to real ids.
pub fn rule_conditions() -> Vec<(&'static str, &'static [Condition])> {
    RULES.iter().map(|r| (r.id, r.all)).collect()
}
