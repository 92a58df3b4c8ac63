//! The comparison table: sales-led, hybrid and product-led growth side by side
//! over every dimension the two source articles compare, plus the metrics each
//! motion watches.
//!
//! The articles compare only the two pure motions; the hybrid column is ours.
//! Cells are kept to a phrase or a short sentence so that the whole table fits
//! a 1280×720 projector without horizontal scrolling; the longer explanation
//! lives in [`Row::detail`] and is shown when a row is expanded.

use serde::{Deserialize, Serialize};

use crate::domain::assess::Factor;
use crate::domain::input::FieldError;
use crate::domain::motion::CompareColumn;
use crate::domain::sim::FieldId;

/// A group of rows, used to filter the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Money: acquisition cost, contract value, pricing, scaling cost.
    Economics,
    /// Who buys and what they experience.
    Customer,
    /// How deals are found and closed.
    GoToMarket,
    /// People, skills, tools and what teams are measured on.
    Organisation,
}

impl Theme {
    /// All four themes, in the order the filter shows them.
    pub const ALL: [Theme; 4] = [
        Theme::Economics,
        Theme::Customer,
        Theme::GoToMarket,
        Theme::Organisation,
    ];

    /// The name shown in the filter.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Economics => "Economics",
            Theme::Customer => "Customer",
            Theme::GoToMarket => "Go-to-market",
            Theme::Organisation => "Organisation",
        }
    }

    /// A stable identifier for URLs and stored state.
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Economics => "economics",
            Theme::Customer => "customer",
            Theme::GoToMarket => "go_to_market",
            Theme::Organisation => "organisation",
        }
    }

    /// Parses [`Theme::slug`] back; `None` for anything else.
    pub fn from_slug(slug: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

/// One row of the comparison table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// Stable identifier (used for pinning and links).
    pub id: &'static str,
    /// The dimension compared, shown as the row header.
    pub dimension: &'static str,
    /// The theme the row is filtered under.
    pub theme: Theme,
    /// The sales-led cell.
    pub sales_led: &'static str,
    /// The hybrid cell (our own synthesis; the articles describe hybrids in prose).
    pub hybrid: &'static str,
    /// The product-led cell.
    pub product_led: &'static str,
    /// A longer explanation (two to four sentences), shown when the row is expanded.
    pub detail: &'static str,
    /// The simulator input this row is about, if any; the page links to it
    /// at [`sim_anchor`].
    pub sim_input: Option<FieldId>,
    /// The Assess factor whose answers say which way the user leans on this
    /// row.
    pub factor: Option<Factor>,
}

impl Row {
    /// The text of one column.
    pub fn cell(&self, column: CompareColumn) -> &'static str {
        match column {
            CompareColumn::SalesLed => self.sales_led,
            CompareColumn::Hybrid => self.hybrid,
            CompareColumn::ProductLed => self.product_led,
        }
    }

    /// Whether every whitespace-separated term of `query` occurs, ignoring
    /// case, in the dimension, one of the three cells or the detail.
    /// An empty or blank query matches every row.
    pub fn matches(&self, query: &str) -> bool {
        let haystack = [
            self.dimension,
            self.sales_led,
            self.hybrid,
            self.product_led,
            self.detail,
        ]
        .join("\n")
        .to_lowercase();
        query
            .split_whitespace()
            .all(|term| haystack.contains(&term.to_lowercase()))
    }
}

/// The short anchors of the simulator inputs rows link to, e.g.
/// `/simulate#sl_acv`: shorter than the input's slug, and already in links
/// people have saved, so the Simulate page resolves them to their input.
pub const SIM_ANCHORS: [(FieldId, &str); 3] = [
    (FieldId::SlCostPerOpportunity, "sl_cost_per_opp"),
    (FieldId::SlSalesCycle, "sl_cycle_months"),
    (FieldId::SlAcv, "sl_acv"),
];

/// The short anchor of `field` in [`SIM_ANCHORS`], if it has one.
pub fn short_anchor(field: FieldId) -> Option<&'static str> {
    SIM_ANCHORS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, a)| *a)
}

/// The anchor a link to `field` on the Simulate page uses: its short anchor
/// when it has one, else its slug (which is also the id of its input there).
pub fn sim_anchor(field: FieldId) -> &'static str {
    short_anchor(field).unwrap_or(field.slug())
}

/// The input a short anchor of [`SIM_ANCHORS`] names; `None` for any other
/// text.
pub fn field_at_anchor(anchor: &str) -> Option<FieldId> {
    SIM_ANCHORS
        .iter()
        .find(|(_, a)| *a == anchor)
        .map(|(f, _)| *f)
}

static ROWS: [Row; 19] = [
    Row {
        id: "acquisition",
        dimension: "Primary acquisition driver",
        theme: Theme::GoToMarket,
        sales_led: "A sales team: outbound prospecting, demos, direct talks",
        hybrid: "The product brings users in; sellers join on promising accounts",
        product_led: "The product: free plan or trial, referrals, search",
        detail: "Where new customers first come from. Sales-led firms create demand \
                 through people who prospect and run demos. Product-led firms let a \
                 free plan, word of mouth and search do that work. A hybrid lets the \
                 product fill the funnel and saves human effort for accounts that show intent.",
        sim_input: None,
        factor: Some(Factor::Product),
    },
    Row {
        id: "buyer_motion",
        dimension: "Buyer motion",
        theme: Theme::Customer,
        sales_led: "Top-down: an executive or committee decides",
        hybrid: "Starts with users, finishes with a budget holder",
        product_led: "Bottom-up: users adopt it and invite colleagues",
        detail: "Who makes the call. In a top-down sale, leaders choose and staff are \
                 handed the tool. In a bottom-up motion, individuals pick it first and \
                 usage spreads before anyone signs a larger order. Hybrids usually see \
                 both: a team adopts it, then a manager buys the company plan.",
        sim_input: None,
        factor: Some(Factor::Audience),
    },
    Row {
        id: "friction",
        dimension: "Initial friction",
        theme: Theme::GoToMarket,
        sales_led: "Higher: book a meeting before seeing the product",
        hybrid: "Low to start; more steps for the enterprise plan",
        product_led: "Very low: sign up and use it today",
        detail: "How much effort it takes to first touch the product. A demo call \
                 filters out casual visitors but slows everyone down. Self-serve \
                 sign-up lets anyone in within minutes. Hybrids keep the door open \
                 and add a conversation only where the deal needs one.",
        sim_input: None,
        factor: Some(Factor::Product),
    },
    Row {
        id: "cac",
        dimension: "Customer acquisition cost (CAC)",
        theme: Theme::Economics,
        sales_led: "High: salaries, commission and sales tools per deal",
        hybrid: "Low for self-serve, high for assisted deals: measure each",
        product_led: "Low: self-serve, virality and lean marketing",
        detail: "What it costs to win one customer. A sales team makes each deal \
                 expensive, which only pays off when contracts are large. Self-serve \
                 sign-ups and invitations keep the cost per customer low. In a hybrid, \
                 compute CAC per channel as well as blended, or the cheap channel hides \
                 the costly one; in the simulator it follows the cost per qualified opportunity.",
        sim_input: Some(FieldId::SlCostPerOpportunity),
        factor: Some(Factor::Funding),
    },
    Row {
        id: "sales_cycle",
        dimension: "Sales-cycle length",
        theme: Theme::GoToMarket,
        sales_led: "Weeks to months; longest for enterprise",
        hybrid: "Days for self-serve upgrades, months for big contracts",
        product_led: "Minutes to days: sign-up and value come fast",
        detail: "Time from first contact to a paying customer. Several stakeholders, \
                 security reviews and procurement stretch enterprise deals over months, \
                 which delays revenue and cash. Self-serve buyers can pay the day they \
                 see value. The simulator models the cycle as months of lag before a \
                 won deal starts paying.",
        sim_input: Some(FieldId::SlSalesCycle),
        factor: Some(Factor::Audience),
    },
    Row {
        id: "product_experience",
        dimension: "Product experience",
        theme: Theme::Customer,
        sales_led: "Sales explains the value; setup and onboarding needed",
        hybrid: "Users find value alone; people help at key moments",
        product_led: "Users feel the value first-hand; the product onboards them",
        detail: "How the customer first meets the value. When sales leads, the pitch \
                 carries the promise and implementation follows the signature. When \
                 the product leads, it has to teach itself through guided first steps. \
                 Hybrids pair a self-explaining product with a human at the moments \
                 that decide a larger purchase.",
        sim_input: None,
        factor: Some(Factor::Product),
    },
    Row {
        id: "scalability",
        dimension: "Scalability and scaling efficiency",
        theme: Theme::Economics,
        sales_led: "Linear with headcount: predictable, costly early",
        hybrid: "Product covers volume; sellers cover big accounts",
        product_led: "Grows without more sellers; can stall without enterprise sales",
        detail: "How growth relates to cost. More revenue in a sales-led company mostly \
                 means more reps, so growth is steady but capital-hungry. A product-led \
                 company can reach many users without hiring sellers, yet often hits a \
                 ceiling when larger buyers want a conversation. Hybrids aim to keep \
                 the cheap volume and add the large accounts.",
        sim_input: None,
        factor: Some(Factor::Funding),
    },
    Row {
        id: "target_audience",
        dimension: "Target audience",
        theme: Theme::Customer,
        sales_led: "Enterprises and large, complex organisations",
        hybrid: "Small teams that grow into mid-market and enterprise",
        product_led: "Individuals, small firms, technical teams, mass market",
        detail: "Who the motion serves best. Large organisations have many \
                 stakeholders and formal buying rules that call for a seller. \
                 Individuals and small businesses prefer to try and buy on their own. \
                 Hybrids let small teams start alone and bring in sales as the account grows.",
        sim_input: None,
        factor: Some(Factor::Audience),
    },
    Row {
        id: "acv",
        dimension: "Average contract value (ACV)",
        theme: Theme::Economics,
        sales_led: "High: roughly $10K a year or more",
        hybrid: "Wide: cheap self-serve tiers plus large contracts",
        product_led: "Low to moderate: about $50 to $5K a year",
        detail: "Revenue per customer per year, which decides whether a salesperson \
                 pays for themselves. This workbench uses the first article's bands: \
                 under $100 a month points to product-led, $100 to $1,000 a month to a \
                 hybrid, above $1,000 a month to sales-led. Public frameworks draw the \
                 lines higher, and those are shown as context in Assess.",
        sim_input: Some(FieldId::SlAcv),
        factor: Some(Factor::Pricing),
    },
    Row {
        id: "monetization",
        dimension: "Monetization",
        theme: Theme::Economics,
        sales_led: "Negotiated, custom contracts closed by sales",
        hybrid: "Self-serve tiers, quotes for enterprise plans",
        product_led: "Tiers, usage pricing, gated features, in-app upgrades",
        detail: "How money changes hands. Sales-led deals are priced per customer \
                 through negotiation. Product-led pricing is published, and users \
                 upgrade in the product when they hit a limit or want a feature. \
                 Hybrids publish the lower tiers and quote the top one.",
        sim_input: None,
        factor: Some(Factor::Pricing),
    },
    Row {
        id: "market",
        dimension: "Market it suits",
        theme: Theme::GoToMarket,
        sales_led: "New categories where buyers need educating",
        hybrid: "Markets where small and large buyers both matter",
        product_led: "Mature, crowded markets where trying first stands out",
        detail: "How market maturity shapes the choice. When a category is new, \
                 someone has to explain the problem before selling the fix, which is \
                 sales work. In a crowded market, letting people try before they buy \
                 lowers the risk of switching. A hybrid fits when both kinds of buyer \
                 are worth serving.",
        sim_input: None,
        factor: Some(Factor::Market),
    },
    Row {
        id: "metric_focus",
        dimension: "Metric focus",
        theme: Theme::Organisation,
        sales_led: "ARR, LTV:CAC, win rate, pipeline velocity",
        hybrid: "Shared: revenue influenced by PQLs, blended CAC",
        product_led: "Activation, free-to-paid, retention, NRR",
        detail: "What leadership watches first. Sales-led teams track the pipeline \
                 and the return on sales spend. Product-led teams track whether \
                 users reach value, convert and stay. Hybrids need at least one \
                 number both teams own, or the handoff becomes a fight over credit.",
        sim_input: None,
        factor: Some(Factor::Culture),
    },
    Row {
        id: "key_skills",
        dimension: "Key skills",
        theme: Theme::Organisation,
        sales_led: "Selling, negotiation, relationships, domain expertise",
        hybrid: "Both sets, plus sales and product ops to join them",
        product_led: "Product management, UX design, analytics, growth tests",
        detail: "The people the motion depends on. A sales-led company lives on its \
                 reps and their leaders. A product-led company lives on designers, \
                 product managers and analysts. A hybrid needs both, and someone in \
                 operations who connects usage data to the sales process.",
        sim_input: None,
        factor: Some(Factor::Culture),
    },
    Row {
        id: "product_type",
        dimension: "Ideal product type",
        theme: Theme::Customer,
        sales_led: "Complex, customised, strategic (ERP, enterprise security)",
        hybrid: "Easy to start, with depth large teams pay for",
        product_led: "Easy to try, useful to one person (design, collaboration)",
        detail: "What kind of product each motion suits. Software that needs \
                 integration work or a business case sells through people. Software \
                 one person can try alone and benefit from right away can sell itself. \
                 Hybrids suit products that are simple at first and grow more valuable \
                 with more users.",
        sim_input: None,
        factor: Some(Factor::Product),
    },
    Row {
        id: "tech_stack",
        dimension: "Core technology stack",
        theme: Theme::Organisation,
        sales_led: "CRM, sales enablement, CPQ quoting",
        hybrid: "Product analytics joined to the CRM, with PQL alerts",
        product_led: "Product analytics, in-app messages, community",
        detail: "The tools each motion cannot do without. Sales-led teams run on a CRM \
                 and quoting tools. Product-led teams run on event analytics and \
                 in-product messaging. A hybrid only works when usage data reaches the \
                 CRM, so reps see what an account does in the product.",
        sim_input: None,
        factor: None,
    },
    Row {
        id: "metrics_revenue",
        dimension: "Metrics watched: revenue",
        theme: Theme::Economics,
        sales_led: "ARR or MRR, LTV, average deal size",
        hybrid: "Revenue split self-serve vs assisted, blended CAC",
        product_led: "Net revenue retention, expansion revenue",
        detail: "The money measures each motion reports. Sales-led firms look at \
                 recurring revenue, deal size and lifetime value. Product-led firms \
                 look at how much existing accounts grow. Hybrids add how revenue \
                 splits between the self-serve and the assisted channel.",
        sim_input: None,
        factor: None,
    },
    Row {
        id: "metrics_funnel",
        dimension: "Metrics watched: funnel",
        theme: Theme::GoToMarket,
        sales_led: "Win rate, pipeline velocity, sales-cycle length",
        hybrid: "PQL-to-opportunity rate, sales-assisted conversion",
        product_led: "Activation rate, free-to-paid, time to value",
        detail: "How the path to a sale is measured. Sales-led funnels are pipeline \
                 stages and how fast deals move through them. Product-led funnels \
                 are sign-up, activation and upgrade. Hybrids measure the bridge: how \
                 many flagged accounts become opportunities and then customers.",
        sim_input: None,
        factor: None,
    },
    Row {
        id: "metrics_retention",
        dimension: "Metrics watched: retention",
        theme: Theme::Customer,
        sales_led: "Logo churn and revenue churn",
        hybrid: "Churn by channel, time from PQL to paid",
        product_led: "Retention, DAU/MAU, viral coefficient",
        detail: "Whether customers stay and spread the product. Sales-led firms count \
                 lost accounts and lost revenue. Product-led firms also watch daily \
                 and monthly usage and how many new users each user brings. Hybrids \
                 compare churn between self-serve and assisted customers.",
        sim_input: None,
        factor: None,
    },
    Row {
        id: "metrics_team",
        dimension: "Metrics watched: team",
        theme: Theme::Organisation,
        sales_led: "Quota attainment, rep ramp time",
        hybrid: "Speed of follow-up on flagged accounts",
        product_led: "Revenue per employee, experiment pace",
        detail: "How the people behind the motion are judged. Sales-led teams \
                 measure how many reps hit quota and how soon new hires are productive. \
                 Product-led teams measure output per person and how many experiments \
                 ship. Hybrids measure whether flagged accounts are contacted within \
                 the agreed time.",
        sim_input: None,
        factor: None,
    },
];

/// Every row of the comparison table, in display order.
pub fn rows() -> &'static [Row] {
    &ROWS
}

/// The row with this id, if there is one.
pub fn row(id: &str) -> Option<&'static Row> {
    ROWS.iter().find(|r| r.id == id)
}

/// The rows in `theme` (all rows when `None`) that match `query` (see
/// [`Row::matches`]), in their original order.
pub fn filter<'a, I>(rows: I, theme: Option<Theme>, query: &str) -> Vec<&'a Row>
where
    I: IntoIterator<Item = &'a Row>,
{
    rows.into_iter()
        .filter(|r| theme.is_none_or(|t| r.theme == t))
        .filter(|r| r.matches(query))
        .collect()
}

/// The rows with the pinned ones first, in pin order, then the rest in their
/// original order. Pinned ids not among `rows` (e.g. filtered out) are skipped,
/// and a row pinned twice appears once.
pub fn ordered<'a, I>(rows: I, pinned: &[String]) -> Vec<&'a Row>
where
    I: IntoIterator<Item = &'a Row>,
{
    let rows: Vec<&'a Row> = rows.into_iter().collect();
    let mut out: Vec<&'a Row> = Vec::with_capacity(rows.len());
    for id in pinned {
        if let Some(r) = rows.iter().find(|r| r.id == id.as_str()) {
            if !out.iter().any(|o| o.id == r.id) {
                out.push(r);
            }
        }
    }
    for r in rows {
        if !out.iter().any(|o| o.id == r.id) {
            out.push(r);
        }
    }
    out
}

/// The saved state of the Compare page: which rows are pinned, in pin order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareState {
    /// Ids of pinned rows, first pinned first.
    pub pinned: Vec<String>,
}

impl CompareState {
    /// Whether the row is pinned.
    pub fn is_pinned(&self, id: &str) -> bool {
        self.pinned.iter().any(|p| p == id)
    }

    /// Pins an unpinned row (at the end of the pin order) or unpins a pinned
    /// one. Unknown ids are ignored. Returns whether the row is now pinned.
    pub fn toggle_pin(&mut self, id: &str) -> bool {
        if self.is_pinned(id) {
            self.pinned.retain(|p| p != id);
            false
        } else if row(id).is_some() {
            self.pinned.push(id.to_string());
            true
        } else {
            false
        }
    }

    /// Checks the stored state.
    ///
    /// # Errors
    /// [`FieldError`] on `compare.pinned` for an id that is not a row, or a
    /// row pinned twice.
    pub fn validate(&self) -> Result<(), FieldError> {
        for (i, id) in self.pinned.iter().enumerate() {
            if row(id).is_none() {
                return Err(FieldError::new(
                    "compare.pinned",
                    format!("“{id}” is not a row of the comparison table"),
                ));
            }
            if self.pinned.iter().take(i).any(|p| p == id) {
                return Err(FieldError::new(
                    "compare.pinned",
                    format!("“{id}” is pinned twice"),
                ));
            }
        }
        Ok(())
    }
}
