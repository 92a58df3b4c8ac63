//! The five-step rollout checklist: its steps, the tasks that fit each
//! motion, and the progress of the saved ticks.

use std::collections::BTreeSet;

use crate::domain::motion::Motion;

/// A task in a rollout step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// Stable id (`step.task`), kept in the saved ticks.
    pub id: String,
    /// What to do.
    pub text: String,
}

/// One of the five rollout steps with its tasks for a motion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable id of the step.
    pub id: &'static str,
    /// Title of the step.
    pub title: &'static str,
    /// The tasks for the chosen motion, 3–5 of them.
    pub tasks: Vec<Task>,
}

/// The five steps, in order: (id, title).
pub const STEPS: [(&str, &str); 5] = [
    ("audit", "Audit the current journey"),
    ("icp", "Define the ideal customer and buying journey"),
    ("align", "Align metrics and incentives"),
    ("tools", "Invest in the enabling tools"),
    ("culture", "Build the culture"),
];

// Motion bit masks for the task table, in `Motion::ALL` order.
const PL: u8 = 1;
const PLS: u8 = 2;
const HYB: u8 = 4;
const SLPA: u8 = 8;
const SL: u8 = 16;
const EVERY: u8 = PL | PLS | HYB | SLPA | SL;

fn bit(m: Motion) -> u8 {
    match m {
        Motion::ProductLed => PL,
        Motion::ProductLedSalesAssist => PLS,
        Motion::HybridFreemiumEnterprise => HYB,
        Motion::SalesLedProductAdoption => SLPA,
        Motion::SalesLed => SL,
    }
}

/// (step id, task id, motions it applies to, text). Task ids are saved: never
/// rename one; retire it and add a new id instead.
#[rustfmt::skip]
static TASKS: [(&str, &str, u8, &str); 38] = [
    // Audit the current journey.
    ("audit", "audit.map-journey", EVERY,
     "Map each step a customer takes today, from first contact to first invoice."),
    ("audit", "audit.lead-sources", EVERY,
     "List where last quarter's new customers came from and what each source cost."),
    ("audit", "audit.first-value", PL | PLS | HYB,
     "Time how long a new sign-up takes to get a first useful result."),
    ("audit", "audit.drop-off", PL | PLS,
     "Sign up as a stranger would and note every screen where people give up."),
    ("audit", "audit.go-live", SLPA | SL,
     "Measure the days from a signed contract to the customer's first real use."),
    ("audit", "audit.stage-times", HYB | SLPA | SL,
     "Record how long deals sit in each pipeline stage and where they stall."),
    ("audit", "audit.engaged-free", PLS | HYB,
     "Follow a busy free account: who notices it today, and how quickly?"),
    // Define the ideal customer and buying journey.
    ("icp", "icp.profile", EVERY,
     "Describe your best-fit customers: size, industry, who uses it, who pays."),
    ("icp", "icp.interviews", EVERY,
     "Interview five recent customers about the job they bought the product for."),
    ("icp", "icp.self-serve-path", PL | PLS | HYB,
     "Decide which customers should be able to buy without talking to anyone."),
    ("icp", "icp.activation-event", PL,
     "Pick the one action that shows a new user has got value; call it activation."),
    ("icp", "icp.pql-definition", PLS | HYB,
     "Agree which product behaviour makes an account worth a salesperson's time."),
    ("icp", "icp.buying-group", HYB | SLPA | SL,
     "Name the people in a typical buying group and what each needs to say yes."),
    ("icp", "icp.adoption-goal", SLPA,
     "Define good adoption for the first 90 days after a contract is signed."),
    // Align metrics and incentives.
    ("align", "align.pick-metrics", EVERY,
     "Choose three to five metrics from this page and publish their definitions."),
    ("align", "align.activation-targets", PL | PLS | HYB,
     "Give product and growth teams activation and engagement targets, not sign-ups."),
    ("align", "align.efficiency-headline", PL,
     "Report self-serve conversion and revenue per employee as headline results."),
    ("align", "align.pql-credit", PLS | HYB,
     "Credit sales for PQL revenue it closes and product for the PQLs it creates."),
    ("align", "align.shared-target", PLS | HYB | SLPA,
     "Set one revenue target that product, marketing and sales all answer for."),
    ("align", "align.pipeline-targets", HYB | SLPA | SL,
     "Set win-rate and pipeline-velocity targets for each sales team."),
    ("align", "align.adoption-pay", SLPA,
     "Tie part of account-team pay to usage after the sale, not only the signature."),
    ("align", "align.quota-design", SL,
     "Design quotas and commission that reward the deals you want most."),
    // Invest in the enabling tools.
    ("tools", "tools.product-analytics", PL | PLS | HYB | SLPA,
     "Track key product events (sign-up, activation, invites, upgrades) in analytics."),
    ("tools", "tools.experiments", PL,
     "Set up A/B tests for onboarding, the pricing page and upgrade prompts."),
    ("tools", "tools.in-app-help", PL | PLS | SLPA,
     "Add in-app guidance: checklists, tooltips and a searchable help centre."),
    ("tools", "tools.crm", HYB | SLPA | SL,
     "Set up the CRM with deal stages, entry and exit rules, and a forecast."),
    ("tools", "tools.usage-in-crm", PLS | HYB,
     "Send product usage into the CRM so reps see it beside each account."),
    ("tools", "tools.pql-alerts", PLS | HYB,
     "Create an alert or task for the owner when an account matches a playbook rule."),
    ("tools", "tools.enablement", SL,
     "Give reps call recording, a content library and a quoting (CPQ) tool."),
    ("tools", "tools.data-owners", HYB | SLPA | SL,
     "Name an owner for each data definition so all teams trust the same numbers."),
    // Build the culture.
    ("culture", "culture.funnel-review", EVERY,
     "Hold a monthly funnel review with product, marketing, sales and success."),
    ("culture", "culture.watch-users", PL | PLS | HYB,
     "Have every team watch real users try the product at least once a month."),
    ("culture", "culture.tickets-as-bugs", PL,
     "Treat each support question as a design problem to remove from the product."),
    ("culture", "culture.follow-up-sla", PLS | HYB,
     "Agree how fast a flagged account gets a reply, and review every miss."),
    ("culture", "culture.engineers-on-calls", SLPA | SL,
     "Bring product engineers onto customer calls to hear problems first-hand."),
    ("culture", "culture.shared-adoption", SLPA,
     "Make customer success and product jointly own adoption after go-live."),
    ("culture", "culture.written-playbook", SL,
     "Write the sales playbook down so results do not rest on a few stars."),
    ("culture", "culture.retros", HYB,
     "Run a quarterly retrospective on the handoff between self-serve and sales."),
];

/// The five rollout steps with the tasks that fit `motion` (3–5 per step;
/// some shared by every motion, some specific to it).
pub fn checklist(motion: Motion) -> Vec<Step> {
    let b = bit(motion);
    STEPS
        .iter()
        .map(|&(id, title)| Step {
            id,
            title,
            tasks: TASKS
                .iter()
                .filter(|t| t.0 == id && t.2 & b != 0)
                .map(|t| Task {
                    id: t.1.to_string(),
                    text: t.3.to_string(),
                })
                .collect(),
        })
        .collect()
}

/// Whether `id` is a task of any motion's checklist (ticks survive a change
/// of motion, so any of them may be saved).
pub fn is_task_id(id: &str) -> bool {
    TASKS.iter().any(|t| t.1 == id)
}

/// (ticked, total) tasks of `motion`'s checklist.
pub fn progress(motion: Motion, ticked: &BTreeSet<String>) -> (usize, usize) {
    let steps = checklist(motion);
    let total = steps.iter().map(|s| s.tasks.len()).sum();
    let done = steps
        .iter()
        .flat_map(|s| &s.tasks)
        .filter(|t| ticked.contains(&t.id))
        .count();
    (done, total)
}
