//! The five go-to-market motions the workbench recommends, ordered from the
//! most product-led to the most sales-led.

use serde::{Deserialize, Serialize};

/// A go-to-market motion on the product-led ↔ sales-led spectrum.
///
/// The order of the variants is the order on the spectrum, from −100
/// (fully product-led) to +100 (fully sales-led).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Motion {
    /// Users find, try, buy and expand on their own; no sales team in the loop.
    ProductLed,
    /// Self-serve first; a small sales team works the accounts the product flags.
    ProductLedSalesAssist,
    /// A free or low-priced entry for teams, with a sales team for enterprise deals.
    HybridFreemiumEnterprise,
    /// Sales closes the deal; the product is easy to adopt once bought.
    SalesLedProductAdoption,
    /// A sales team finds, qualifies and closes every deal.
    SalesLed,
}

impl Motion {
    /// All five motions, product-led first.
    pub const ALL: [Motion; 5] = [
        Motion::ProductLed,
        Motion::ProductLedSalesAssist,
        Motion::HybridFreemiumEnterprise,
        Motion::SalesLedProductAdoption,
        Motion::SalesLed,
    ];

    /// The name shown in the app.
    pub fn label(self) -> &'static str {
        match self {
            Motion::ProductLed => "Product-led",
            Motion::ProductLedSalesAssist => "Product-led with sales assist",
            Motion::HybridFreemiumEnterprise => "Hybrid: freemium to enterprise",
            Motion::SalesLedProductAdoption => "Sales-led with product adoption",
            Motion::SalesLed => "Sales-led",
        }
    }

    /// A stable identifier, used in URLs and the stored state.
    pub fn slug(self) -> &'static str {
        match self {
            Motion::ProductLed => "product_led",
            Motion::ProductLedSalesAssist => "product_led_sales_assist",
            Motion::HybridFreemiumEnterprise => "hybrid_freemium_enterprise",
            Motion::SalesLedProductAdoption => "sales_led_product_adoption",
            Motion::SalesLed => "sales_led",
        }
    }

    /// Parses [`Motion::slug`] back; `None` for anything else.
    pub fn from_slug(slug: &str) -> Option<Motion> {
        Motion::ALL.into_iter().find(|m| m.slug() == slug)
    }

    /// Which of the three comparison columns (sales-led, hybrid, product-led)
    /// this motion belongs to.
    pub fn column(self) -> CompareColumn {
        match self {
            Motion::ProductLed => CompareColumn::ProductLed,
            Motion::SalesLed => CompareColumn::SalesLed,
            _ => CompareColumn::Hybrid,
        }
    }
}

/// The three columns of the comparison table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareColumn {
    /// Sales-led growth.
    SalesLed,
    /// Any hybrid of the two.
    Hybrid,
    /// Product-led growth.
    ProductLed,
}

impl CompareColumn {
    /// All three, in table order.
    pub const ALL: [CompareColumn; 3] = [
        CompareColumn::SalesLed,
        CompareColumn::Hybrid,
        CompareColumn::ProductLed,
    ];

    /// A stable identifier, used in URLs (`/compare?highlight=hybrid`).
    pub fn slug(self) -> &'static str {
        match self {
            CompareColumn::SalesLed => "sales_led",
            CompareColumn::Hybrid => "hybrid",
            CompareColumn::ProductLed => "product_led",
        }
    }

    /// Parses [`CompareColumn::slug`]; `None` for anything else.
    pub fn from_slug(slug: &str) -> Option<CompareColumn> {
        CompareColumn::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            CompareColumn::SalesLed => "Sales-led",
            CompareColumn::Hybrid => "Hybrid",
            CompareColumn::ProductLed => "Product-led",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_for_every_motion() {
        for m in Motion::ALL {
            assert_eq!(Motion::from_slug(m.slug()), Some(m));
        }
        assert_eq!(Motion::from_slug("nonsense"), None);
    }
}
