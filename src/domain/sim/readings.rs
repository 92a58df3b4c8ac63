//! The benchmark reading shown beside a simulator input: which published
//! band the typed value falls in, and, for a derived figure, which figure is
//! read (the sales-assisted win rate is read as PQL → paid).

use super::inputs::{FieldId, ScenarioInputs};
use super::model::pql_to_paid;
use crate::domain::economics::{
    verdict_free_to_paid, verdict_gross_margin, verdict_monthly_churn, verdict_pql_to_paid,
    verdict_viral_coefficient, MonthlyRate, Verdict,
};
use crate::domain::format;

/// A reading of one input against its benchmark band.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldReading {
    /// Names the derived figure read, when it is not the input itself
    /// (e.g. "PQL to paid: 8%.").
    pub lead: Option<String>,
    /// The band's verdict.
    pub verdict: Verdict,
}

/// The reading for the fields that have a published band; `None` for the
/// others.
pub fn field_reading(id: FieldId, inputs: &ScenarioInputs) -> Option<FieldReading> {
    let v = inputs.get(id);
    let plain = |verdict| FieldReading {
        lead: None,
        verdict,
    };
    match id {
        FieldId::GrossMarginPct => Some(plain(verdict_gross_margin(v))),
        FieldId::SsFreeToPaidPct => Some(plain(verdict_free_to_paid(v))),
        FieldId::SsViralCoefficient => Some(plain(verdict_viral_coefficient(v))),
        FieldId::SsChurnPct | FieldId::SlChurnPct => {
            Some(plain(verdict_monthly_churn(MonthlyRate::from_percent(v))))
        }
        FieldId::SaWinPct => {
            let paid = pql_to_paid(inputs).percent();
            Some(FieldReading {
                lead: Some(format!("PQL to paid: {}.", format::percent(paid, 1))),
                verdict: verdict_pql_to_paid(paid),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_win_rate_is_read_as_the_share_of_pqls_that_pay() {
        let mut inputs = ScenarioInputs::default();
        inputs.sales_assist.pql_to_opportunity_pct = 50.0;
        inputs.sales_assist.win_pct = 30.0;
        let r = field_reading(FieldId::SaWinPct, &inputs);
        assert_eq!(
            r.as_ref().and_then(|r| r.lead.clone()).as_deref(),
            Some("PQL to paid: 15.0%.")
        );
        assert_eq!(r.map(|r| r.verdict), Some(verdict_pql_to_paid(15.0)));
    }

    #[test]
    fn inputs_without_a_band_have_no_reading() {
        let inputs = ScenarioInputs::default();
        assert_eq!(field_reading(FieldId::SlAcv, &inputs), None);
    }
}
