//! A lean in words: the five steps from strongly product-led to strongly
//! sales-led that every screen uses to describe a factor or a person.

/// Which way, and how strongly, a lean (−100 product-led … +100 sales-led)
/// points. The steps are fixed: ≤ −50 strongly product-led, ≤ −15 leans
/// product-led, under 15 in magnitude balanced, < 50 leans sales-led, and
/// 50 or more strongly sales-led. Ordered from product-led to sales-led,
/// so `lean < Lean::Balanced` reads "on the product-led side".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lean {
    /// −100 ..= −50.
    StronglyProductLed,
    /// Above −50 and at most −15.
    LeansProductLed,
    /// Above −15 and under 15.
    Balanced,
    /// 15 and above, under 50.
    LeansSalesLed,
    /// 50 ..= 100.
    StronglySalesLed,
}

impl Lean {
    /// The five steps, most product-led first.
    pub const ALL: [Lean; 5] = [
        Lean::StronglyProductLed,
        Lean::LeansProductLed,
        Lean::Balanced,
        Lean::LeansSalesLed,
        Lean::StronglySalesLed,
    ];

    /// The step a lean value (−100 ..= 100, product-led negative) falls in.
    /// The boundaries −50 and −15 belong to the product-led side, 15 and 50
    /// to the sales-led side, so the steps are symmetric around 0 apart
    /// from which side owns an exact boundary.
    pub fn from_value(lean: f64) -> Lean {
        if lean <= -50.0 {
            Lean::StronglyProductLed
        } else if lean <= -15.0 {
            Lean::LeansProductLed
        } else if lean < 15.0 {
            Lean::Balanced
        } else if lean < 50.0 {
            Lean::LeansSalesLed
        } else {
            Lean::StronglySalesLed
        }
    }

    /// The words shown for the step, e.g. "Leans product-led".
    pub fn phrase(self) -> &'static str {
        match self {
            Lean::StronglyProductLed => "Strongly product-led",
            Lean::LeansProductLed => "Leans product-led",
            Lean::Balanced => "Balanced",
            Lean::LeansSalesLed => "Leans sales-led",
            Lean::StronglySalesLed => "Strongly sales-led",
        }
    }

    /// A stable identifier, e.g. `leans_product_led`.
    pub fn slug(self) -> &'static str {
        match self {
            Lean::StronglyProductLed => "strongly_product_led",
            Lean::LeansProductLed => "leans_product_led",
            Lean::Balanced => "balanced",
            Lean::LeansSalesLed => "leans_sales_led",
            Lean::StronglySalesLed => "strongly_sales_led",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_boundary_belongs_to_the_side_it_is_on() {
        let cases = [
            (-100.0, Lean::StronglyProductLed),
            (-50.0, Lean::StronglyProductLed),
            (-49.9, Lean::LeansProductLed),
            (-15.0, Lean::LeansProductLed),
            (-14.9, Lean::Balanced),
            (0.0, Lean::Balanced),
            (14.9, Lean::Balanced),
            (15.0, Lean::LeansSalesLed),
            (49.9, Lean::LeansSalesLed),
            (50.0, Lean::StronglySalesLed),
            (100.0, Lean::StronglySalesLed),
        ];
        for (value, lean) in cases {
            assert_eq!(Lean::from_value(value), lean, "{value}");
        }
    }

    #[test]
    fn steps_run_from_product_led_to_sales_led_with_distinct_words() {
        let values = [-80.0, -30.0, 0.0, 30.0, 80.0];
        let steps: Vec<Lean> = values.into_iter().map(Lean::from_value).collect();
        assert_eq!(steps, Lean::ALL.to_vec());
        let mut phrases: Vec<&str> = Lean::ALL.iter().map(|l| l.phrase()).collect();
        let mut slugs: Vec<&str> = Lean::ALL.iter().map(|l| l.slug()).collect();
        phrases.sort_unstable();
        phrases.dedup();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!((phrases.len(), slugs.len()), (5, 5));
    }
}
