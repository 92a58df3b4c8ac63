//! The question bank: 2–4 questions per factor, each with concrete options
//! that lean toward product-led (negative) or sales-led (positive).
//!
//! Leans run from −100 (only a product-led motion makes sense) to +100 (only
//! a sales-led one does); 0 means the answer fits both. Within a question the
//! options are listed from the most product-led to the most sales-led.
//! Every question also accepts [`NOT_SURE`], which is not in `options`.

use super::factors::Factor;

/// The option id every question accepts besides its own options. It counts as
/// answered for progress but carries no lean.
pub const NOT_SURE: &str = "not_sure";

/// The label the UI shows for [`NOT_SURE`].
pub const NOT_SURE_LABEL: &str = "Not sure";

/// Where the price bands come from, for the UI to show beside the price
/// question and for the scoring table.
pub const PRICE_BANDS_NOTE: &str =
    "Price bands follow the first source article: under $100 a month \
points to product-led, $100–1,000 a month to a hybrid, over $1,000 a month to sales-led. \
Public frameworks draw the lines higher, by contract value a year: under about $1K self-serve, \
$1K–15K product-led sales, $15K–100K hybrid, over about $100K sales-led.";

/// One answer a question offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnswerOption {
    /// Unique within its question; stored in the saved answers.
    pub id: &'static str,
    /// The text beside the radio button.
    pub label: &'static str,
    /// −100 (product-led) ..= +100 (sales-led).
    pub lean: i32,
    /// One short sentence on why the answer leans the way it does.
    pub reason: &'static str,
}

/// One question of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// Unique across the bank; the key in the saved answers.
    pub id: &'static str,
    /// The factor it informs.
    pub factor: Factor,
    /// The question, shown as the legend of its radio group.
    pub prompt: &'static str,
    /// A short noun phrase for sentences such as "If ⟨topic⟩ were …".
    pub topic: &'static str,
    /// One short sentence on why the question matters, shown under it.
    pub hint: &'static str,
    /// The concrete options, most product-led first; "Not sure" is not listed.
    pub options: &'static [AnswerOption],
}

impl Question {
    /// The option with this id, if the question has one ([`NOT_SURE`] gives `None`).
    pub fn option(&self, id: &str) -> Option<&'static AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Whether `id` is an answer this question accepts, "Not sure" included.
    pub fn accepts(&self, id: &str) -> bool {
        id == NOT_SURE || self.option(id).is_some()
    }
}

/// The question with this id, if any.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// The questions of one factor, in questionnaire order.
pub fn questions_for(factor: Factor) -> impl Iterator<Item = &'static Question> {
    QUESTIONS.iter().filter(move |q| q.factor == factor)
}

const fn opt(
    id: &'static str,
    label: &'static str,
    lean: i32,
    reason: &'static str,
) -> AnswerOption {
    AnswerOption {
        id,
        label,
        lean,
        reason,
    }
}

/// Every question, grouped by factor in [`Factor::ALL`] order.
pub static QUESTIONS: &[Question] = &[
    // --- Target audience and customer profile ---
    Question {
        id: "aud_size",
        factor: Factor::Audience,
        prompt: "Who are most of your customers?",
        topic: "your main customers",
        hint: "Small buyers expect to sign up alone; large ones expect a conversation.",
        options: &[
            opt(
                "individuals",
                "Individuals and freelancers",
                -95,
                "Single users buy for themselves and skip sales calls.",
            ),
            opt(
                "small",
                "Small businesses, under 50 staff",
                -60,
                "Small firms want a quick, cheap, self-serve purchase.",
            ),
            opt(
                "mid",
                "Mid-sized firms, 50–1,000 staff",
                20,
                "Mid-sized buyers often want a demo before a bigger plan.",
            ),
            opt(
                "enterprise",
                "Large enterprises, over 1,000 staff",
                90,
                "Large firms buy through formal steps that need a seller.",
            ),
        ],
    },
    Question {
        id: "aud_signer",
        factor: Factor::Audience,
        prompt: "Who signs off on the purchase?",
        topic: "the person who signs",
        hint: "The further the signer is from the user, the more a human has to sell.",
        options: &[
            opt(
                "user",
                "The user, with a card",
                -95,
                "A user paying by card needs no one to close the deal.",
            ),
            opt(
                "manager",
                "A team lead, from their own budget",
                -30,
                "A team budget is quick to spend, sometimes after a chat.",
            ),
            opt(
                "executive",
                "An executive or department head",
                50,
                "Executives want a business case, usually from a seller.",
            ),
            opt(
                "procurement",
                "A buying committee or procurement",
                95,
                "Procurement runs a formal process that a seller must steer.",
            ),
        ],
    },
    Question {
        id: "aud_people",
        factor: Factor::Audience,
        prompt: "How many people have a say in the purchase?",
        topic: "the number of people with a say",
        hint: "Each extra voice adds meetings, and someone has to run them.",
        options: &[
            opt(
                "one",
                "One",
                -85,
                "One decider can try and buy in a single sitting.",
            ),
            opt(
                "few",
                "Two or three",
                -20,
                "A small group can still agree without a formal process.",
            ),
            opt(
                "several",
                "Four to six",
                40,
                "Several voices need aligning, which a seller does best.",
            ),
            opt(
                "many",
                "Seven or more",
                90,
                "A large group means a long, managed buying process.",
            ),
        ],
    },
    Question {
        id: "aud_tech",
        factor: Factor::Audience,
        prompt: "How do your users take up new software?",
        topic: "how users take up software",
        hint: "Users who explore alone can be won by the product itself.",
        options: &[
            opt(
                "explore",
                "They try tools on their own",
                -75,
                "Self-starters will find and learn the product unaided.",
            ),
            opt(
                "mixed",
                "Some explore, some need help",
                0,
                "A mixed crowd needs both self-serve and a helping hand.",
            ),
            opt(
                "guided",
                "They expect training and guidance",
                75,
                "Users who wait for training need people to onboard them.",
            ),
        ],
    },
    // --- Product complexity and value ---
    Question {
        id: "prod_ttv",
        factor: Factor::Product,
        prompt: "How long until a new user gets real value?",
        topic: "the time to value",
        hint: "Value within one session lets the product sell itself.",
        options: &[
            opt(
                "minutes",
                "Minutes",
                -95,
                "Value in minutes makes a free try convincing on its own.",
            ),
            opt(
                "hours",
                "Hours, up to a day",
                -40,
                "A day to value still fits a trial, with good onboarding.",
            ),
            opt(
                "days",
                "Days to a couple of weeks",
                30,
                "Value after days needs someone to keep the buyer going.",
            ),
            opt(
                "months",
                "A month or more",
                90,
                "Value after months has to be promised and guided by people.",
            ),
        ],
    },
    Question {
        id: "prod_setup",
        factor: Factor::Product,
        prompt: "What does a new customer need before it works?",
        topic: "the setup needed",
        hint: "The more setup, the more someone must walk the customer through it.",
        options: &[
            opt(
                "none",
                "Nothing: sign up and go",
                -85,
                "No setup means no one is needed to get started.",
            ),
            opt(
                "light",
                "A few settings; help docs are enough",
                -30,
                "Light setup can be handled by docs and in-app tips.",
            ),
            opt(
                "integration",
                "Integration with their core systems",
                50,
                "Linking core systems needs technical sales and support.",
            ),
            opt(
                "project",
                "A project: custom work or data migration",
                95,
                "A setup project is scoped and sold by people.",
            ),
        ],
    },
    Question {
        id: "prod_value",
        factor: Factor::Product,
        prompt: "What does the product change for the buyer?",
        topic: "the change it brings",
        hint: "A bigger change needs someone to make the case and lead it.",
        options: &[
            opt(
                "task",
                "Makes one familiar task better",
                -60,
                "A better tool for a known task is easy to judge alone.",
            ),
            opt(
                "team",
                "Changes how one team works",
                0,
                "A team-level change may need a little persuasion.",
            ),
            opt(
                "company",
                "Changes how the whole company runs",
                75,
                "A company-wide change needs a business case and a guide.",
            ),
        ],
    },
    Question {
        id: "prod_viral",
        factor: Factor::Product,
        prompt: "Does using it bring in new users?",
        topic: "how use spreads",
        hint: "When use pulls in colleagues, the product does part of the selling.",
        options: &[
            opt(
                "core",
                "Yes, it only works when shared",
                -80,
                "Every invite is free acquisition for the product.",
            ),
            opt(
                "some",
                "Sometimes, through invites or sharing",
                -30,
                "Some sharing lowers the cost of each new customer.",
            ),
            opt(
                "no",
                "No, people use it alone",
                25,
                "Without spread, every customer must be won directly.",
            ),
        ],
    },
    // --- ACV and pricing ---
    Question {
        id: "price_level",
        factor: Factor::Pricing,
        prompt: "What does a typical customer pay?",
        topic: "the price per customer",
        hint: "A seller is costly; only bigger contracts pay for one.",
        options: &[
            opt(
                "under_100",
                "Under $100 a month (under $1.2K a year)",
                -90,
                "At this price a sales call costs more than the deal brings.",
            ),
            opt(
                "to_1k",
                "$100–1,000 a month ($1.2K–12K a year)",
                0,
                "Mid prices suit self-serve entry with sales for bigger teams.",
            ),
            opt(
                "to_8k",
                "$1K–8K a month (about $12K–100K a year)",
                60,
                "Contracts this size can carry the cost of a seller.",
            ),
            opt(
                "over_8k",
                "Over $8K a month (over about $100K a year)",
                100,
                "Deals this large justify a full sales cycle.",
            ),
        ],
    },
    Question {
        id: "price_buy",
        factor: Factor::Pricing,
        prompt: "How do customers start paying?",
        topic: "how customers start paying",
        hint: "If buyers can pay without talking to anyone, the product carries the sale.",
        options: &[
            opt(
                "free_plan",
                "A free plan, then an upgrade in the app",
                -90,
                "Upgrades in the app need no seller at all.",
            ),
            opt(
                "trial",
                "A free trial, then card checkout",
                -60,
                "A trial with checkout is a self-serve purchase.",
            ),
            opt(
                "tiers_plus",
                "Self-serve plans, plus an enterprise plan via sales",
                0,
                "Two paths to buy means both motions are at work.",
            ),
            opt(
                "quote",
                "A demo, then a quote",
                60,
                "A quote after a demo is a sales conversation.",
            ),
            opt(
                "contract",
                "A negotiated annual contract",
                95,
                "Negotiated contracts are the heart of a sales motion.",
            ),
        ],
    },
    Question {
        id: "price_growth",
        factor: Factor::Pricing,
        prompt: "How does revenue per customer grow?",
        topic: "how revenue per customer grows",
        hint: "Growth that happens in the product needs no seller; negotiated upsells do.",
        options: &[
            opt(
                "usage",
                "By itself, with seats or usage",
                -60,
                "Revenue that grows with use needs no one to ask for it.",
            ),
            opt(
                "upgrade",
                "Through plan upgrades teams pick",
                -20,
                "Self-chosen upgrades may need a nudge, not a seller.",
            ),
            opt(
                "upsell",
                "Through upsells an account manager closes",
                70,
                "Negotiated upsells need account managers.",
            ),
        ],
    },
    // --- Market maturity and competition ---
    Question {
        id: "mkt_known",
        factor: Factor::Market,
        prompt: "How well do buyers know your category?",
        topic: "how known your category is",
        hint: "A new category must be explained before it can be sold.",
        options: &[
            opt(
                "known",
                "Well known; buyers compare tools",
                -50,
                "Buyers who know what they want can pick it alone.",
            ),
            opt(
                "growing",
                "Known, but still growing",
                -10,
                "Some buyers still need the idea explained.",
            ),
            opt(
                "new",
                "New; buyers must first see the problem",
                70,
                "A new category needs people to teach the market.",
            ),
        ],
    },
    Question {
        id: "mkt_rivals",
        factor: Factor::Market,
        prompt: "How do your main rivals sell?",
        topic: "how rivals sell",
        hint: "Buyers expect what rivals offer: a free try or a sales call.",
        options: &[
            opt(
                "self_serve",
                "Free plans or trials",
                -60,
                "Buyers used to free trials expect one from you too.",
            ),
            opt(
                "mixed",
                "A mix of self-serve and sales",
                0,
                "Rivals using both leave room for either approach.",
            ),
            opt(
                "sales",
                "Through sales teams and demos",
                60,
                "Buyers used to demos expect a seller to call.",
            ),
        ],
    },
    Question {
        id: "mkt_crowd",
        factor: Factor::Market,
        prompt: "How crowded is your market?",
        topic: "how crowded the market is",
        hint: "In a crowded field, letting people try first helps you stand out.",
        options: &[
            opt(
                "crowded",
                "Crowded: many similar tools",
                -50,
                "A free try stands out where tools look alike.",
            ),
            opt(
                "some",
                "A handful of rivals",
                0,
                "A few rivals leave the choice open.",
            ),
            opt(
                "locked",
                "Few rivals; buyers tied to an incumbent",
                50,
                "Prising buyers away from an incumbent takes a seller.",
            ),
        ],
    },
    // --- Funding and resources ---
    Question {
        id: "fund_runway",
        factor: Factor::Funding,
        prompt: "How is the company funded?",
        topic: "your funding",
        hint: "A sales team is a large fixed cost that needs cash before it pays back.",
        options: &[
            opt(
                "bootstrapped",
                "Bootstrapped, or under 12 months of runway",
                -60,
                "Little cash rules out hiring sellers ahead of revenue.",
            ),
            opt(
                "seed",
                "Some funding, 12–24 months of runway",
                -10,
                "Enough cash for a first seller, not a team.",
            ),
            opt(
                "funded",
                "Well funded, over 24 months of runway",
                30,
                "Cash on hand can pay sellers while they ramp up.",
            ),
        ],
    },
    Question {
        id: "fund_team",
        factor: Factor::Funding,
        prompt: "Where is your team strongest?",
        topic: "your team's strength",
        hint: "A motion works best when it plays to skills you already have.",
        options: &[
            opt(
                "product",
                "Product and engineering",
                -75,
                "Builders can make the product do the selling.",
            ),
            opt(
                "both",
                "Both about equally",
                0,
                "Balanced skills can run either motion.",
            ),
            opt(
                "sales",
                "Sales and customer relationships",
                75,
                "Strong sellers are an asset a sales motion uses fully.",
            ),
        ],
    },
    Question {
        id: "fund_sellers",
        factor: Factor::Funding,
        prompt: "Who sells today?",
        topic: "your sales capacity",
        hint: "Hiring and ramping sellers takes months; what you have now counts.",
        options: &[
            opt(
                "nobody",
                "Nobody sells full time",
                -70,
                "With no sellers, the product has to do the selling.",
            ),
            opt(
                "few",
                "One to three sellers",
                0,
                "A few sellers can assist but not carry every deal.",
            ),
            opt(
                "team",
                "A sales team with a manager",
                70,
                "An existing sales team is ready to run a sales motion.",
            ),
        ],
    },
    // --- Company culture and vision ---
    Question {
        id: "cul_wins",
        factor: Factor::Culture,
        prompt: "What does the company celebrate most?",
        topic: "what the company celebrates",
        hint: "Teams do more of what they are praised for.",
        options: &[
            opt(
                "usage",
                "Usage growth and product launches",
                -75,
                "A team proud of usage will build a self-serve engine.",
            ),
            opt(
                "both",
                "Both alike",
                0,
                "Shared pride suits a motion that blends both.",
            ),
            opt(
                "deals",
                "Closed deals and client wins",
                75,
                "A team proud of deals will thrive in a sales motion.",
            ),
        ],
    },
    Question {
        id: "cul_vision",
        factor: Factor::Culture,
        prompt: "What do you picture in five years?",
        topic: "your five-year picture",
        hint: "Many small customers need a product engine; a few big ones need sellers.",
        options: &[
            opt(
                "mass",
                "Millions of users across the market",
                -85,
                "Reaching millions is only affordable through the product.",
            ),
            opt(
                "thousands",
                "Thousands of business customers",
                -10,
                "Thousands of accounts need self-serve with some sales help.",
            ),
            opt(
                "few",
                "A few hundred large accounts",
                80,
                "A few large accounts are won one by one by sellers.",
            ),
        ],
    },
    Question {
        id: "cul_roadmap",
        factor: Factor::Culture,
        prompt: "What mostly drives your roadmap?",
        topic: "what drives your roadmap",
        hint: "Building from usage data fits self-serve; building for key accounts fits sales.",
        options: &[
            opt(
                "data",
                "Usage data and experiments",
                -60,
                "Data-led building is how self-serve products improve.",
            ),
            opt(
                "mix",
                "Both data and customer talks",
                0,
                "Mixing sources serves both kinds of buyer.",
            ),
            opt(
                "accounts",
                "Requests from key accounts",
                60,
                "Building for key accounts is a sales-led habit.",
            ),
        ],
    },
];
