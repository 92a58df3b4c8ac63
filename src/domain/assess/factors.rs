//! The six decision factors and the weight the user gives each.

use serde::{Deserialize, Serialize};

use crate::domain::input::FieldError;

/// One of the six things that decide the motion. The order is the order of
/// the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    /// Who buys: company size, who signs, how many people have a say.
    Audience,
    /// How hard the product is to set up and how big a change it brings.
    Product,
    /// What a customer pays (ACV) and how buying works.
    Pricing,
    /// How known the category is and how rivals sell.
    Market,
    /// Money, runway and the team's skills.
    Funding,
    /// What the company values and where it wants to be.
    Culture,
}

impl Factor {
    /// All six factors, in questionnaire order.
    pub const ALL: [Factor; 6] = [
        Factor::Audience,
        Factor::Product,
        Factor::Pricing,
        Factor::Market,
        Factor::Funding,
        Factor::Culture,
    ];

    /// The name shown in the app.
    pub fn label(self) -> &'static str {
        match self {
            Factor::Audience => "Target audience and customer profile",
            Factor::Product => "Product complexity and value",
            Factor::Pricing => "ACV and pricing",
            Factor::Market => "Market maturity and competition",
            Factor::Funding => "Funding and resources",
            Factor::Culture => "Company culture and vision",
        }
    }

    /// A stable identifier; equal to the serde name and the field name in
    /// [`Weights`].
    pub fn slug(self) -> &'static str {
        match self {
            Factor::Audience => "audience",
            Factor::Product => "product",
            Factor::Pricing => "pricing",
            Factor::Market => "market",
            Factor::Funding => "funding",
            Factor::Culture => "culture",
        }
    }

    /// Parses [`Factor::slug`] back; `None` for anything else.
    pub fn from_slug(slug: &str) -> Option<Factor> {
        Factor::ALL.into_iter().find(|f| f.slug() == slug)
    }

    /// The default weight (0–10) and why it has that weight.
    ///
    /// Audience and pricing weigh most: every public framework puts who buys
    /// and what they pay first, because together they decide whether a
    /// salesperson can pay for themselves. Product complexity comes next.
    /// Market, funding and culture shape how well a motion is run more than
    /// which motion fits, and they can change within a year.
    pub fn default_weight(self) -> u8 {
        match self {
            Factor::Audience => 10,
            Factor::Product => 8,
            Factor::Pricing => 10,
            Factor::Market => 5,
            Factor::Funding => 4,
            Factor::Culture => 5,
        }
    }

    /// One sentence on why the default weight is what it is (shown beside the
    /// weight control and in the scoring table).
    pub fn weight_reason(self) -> &'static str {
        match self {
            Factor::Audience => "Who buys decides whether a seller is needed at all.",
            Factor::Product => "Setup effort decides whether the product can sell itself.",
            Factor::Pricing => "Only larger contracts pay for the cost of a seller.",
            Factor::Market => "Context that shapes the pitch more than the motion.",
            Factor::Funding => "A constraint that can change with the next raise.",
            Factor::Culture => "Shapes how well a motion is run; it can be built.",
        }
    }
}

/// The largest weight a factor can have.
pub const MAX_WEIGHT: u8 = 10;

/// How much each factor counts, 0–10 each (0 leaves the factor out).
/// Saved with the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Weight of [`Factor::Audience`].
    pub audience: u8,
    /// Weight of [`Factor::Product`].
    pub product: u8,
    /// Weight of [`Factor::Pricing`].
    pub pricing: u8,
    /// Weight of [`Factor::Market`].
    pub market: u8,
    /// Weight of [`Factor::Funding`].
    pub funding: u8,
    /// Weight of [`Factor::Culture`].
    pub culture: u8,
}

impl Default for Weights {
    /// Each factor at [`Factor::default_weight`].
    fn default() -> Self {
        Weights {
            audience: Factor::Audience.default_weight(),
            product: Factor::Product.default_weight(),
            pricing: Factor::Pricing.default_weight(),
            market: Factor::Market.default_weight(),
            funding: Factor::Funding.default_weight(),
            culture: Factor::Culture.default_weight(),
        }
    }
}

impl Weights {
    /// Every factor at the same weight `w` (clamped to 0–10).
    pub fn uniform(w: u8) -> Self {
        let w = w.min(MAX_WEIGHT);
        Weights {
            audience: w,
            product: w,
            pricing: w,
            market: w,
            funding: w,
            culture: w,
        }
    }

    /// The weight of one factor.
    pub fn get(&self, factor: Factor) -> u8 {
        match factor {
            Factor::Audience => self.audience,
            Factor::Product => self.product,
            Factor::Pricing => self.pricing,
            Factor::Market => self.market,
            Factor::Funding => self.funding,
            Factor::Culture => self.culture,
        }
    }

    /// Sets one factor's weight, clamped to 0–10.
    pub fn set(&mut self, factor: Factor, weight: u8) {
        let w = weight.min(MAX_WEIGHT);
        match factor {
            Factor::Audience => self.audience = w,
            Factor::Product => self.product = w,
            Factor::Pricing => self.pricing = w,
            Factor::Market => self.market = w,
            Factor::Funding => self.funding = w,
            Factor::Culture => self.culture = w,
        }
    }

    /// How many factors count (weight above 0). When this is 0 no result is
    /// possible whatever is answered; the UI should say so.
    pub fn active_count(&self) -> usize {
        Factor::ALL.iter().filter(|f| self.get(**f) > 0).count()
    }

    /// Checks every weight is within 0–10.
    ///
    /// # Errors
    /// [`FieldError`] naming the first weight out of range, e.g.
    /// `assess.weights.pricing`.
    pub fn validate(&self) -> Result<(), FieldError> {
        for f in Factor::ALL {
            let w = self.get(f);
            if w > MAX_WEIGHT {
                return Err(FieldError::new(
                    format!("assess.weights.{}", f.slug()),
                    format!("{w} is outside 0–{MAX_WEIGHT}"),
                ));
            }
        }
        Ok(())
    }
}
