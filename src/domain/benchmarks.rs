//! Every benchmark band the workbench reads a figure against, in one table:
//! the numbers, the segment they belong to and the public source. The
//! readings beside figures ([`crate::domain::economics`] verdicts), goal
//! seek's realism notes, the reality check and the "How the numbers are
//! computed" page all take their numbers — and the text that states them —
//! from here, so a band is changed in one place.

use crate::domain::format;

/// Named public sources of the benchmark bands.
pub mod source {
    /// LTV:CAC of 3 or more and payback within a year.
    pub const SKOK_SAAS_METRICS: &str =
        "David Skok, For Entrepreneurs — “SaaS Metrics 2.0: A Guide to Measuring and Improving What Matters”";
    /// LTV:CAC bands including the above-5 reading.
    pub const LTV_CAC_BANDS: &str =
        "David Skok, For Entrepreneurs — “SaaS Metrics 2.0” (3× target); above 5× is a common venture-investor rule of thumb";
    /// Payback by segment.
    pub const PAYBACK_BANDS: &str =
        "David Skok, For Entrepreneurs (recover CAC within 12 months); segment bands as reported in public SaaS surveys (KeyBanc Capital Markets SaaS Survey, OpenView SaaS Benchmarks)";
    /// Logo churn by segment.
    pub const CHURN_BANDS: &str =
        "Public SaaS churn benchmarks (Recurly Research churn reports; KeyBanc Capital Markets SaaS Survey)";
    /// Free-to-paid and trial conversion.
    pub const CONVERSION_BANDS: &str =
        "OpenView Partners — Product Benchmarks (product-led growth reports)";
    /// PQL conversion.
    pub const PQL_BANDS: &str =
        "OpenView Partners (Kyle Poyar) — product-qualified lead benchmarks";
    /// Magic number.
    pub const MAGIC_NUMBER: &str =
        "Scale Venture Partners — the SaaS magic number; 0.75 threshold as popularised by Tomasz Tunguz";
    /// Viral coefficient.
    pub const VIRAL: &str = "David Skok, For Entrepreneurs — “Lessons Learned: Viral Marketing”";
    /// Gross margin.
    pub const GROSS_MARGIN: &str =
        "KeyBanc Capital Markets SaaS Survey (subscription gross margin near 80%)";
    /// Rules of this workbench that no published band covers.
    pub const WORKBENCH_RULE: &str =
        "GTM Workbench rule of thumb (no published band among the product's sources)";
}

/// A band from `lo` to `hi` in a figure's own unit (inclusive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// The low end.
    pub lo: f64,
    /// The high end.
    pub hi: f64,
}

impl Band {
    /// A band from `lo` to `hi`.
    pub const fn new(lo: f64, hi: f64) -> Band {
        Band { lo, hi }
    }

    /// "3–7": both ends, trimmed, with an en dash.
    ///
    /// ```
    /// use gtm_workbench::domain::benchmarks::Band;
    /// assert_eq!(Band::new(3.0, 7.0).span(), "3–7");
    /// assert_eq!(Band::new(1.5, 3.0).span(), "1.5–3");
    /// ```
    pub fn span(self) -> String {
        format!(
            "{}–{}",
            format::number_trimmed(self.lo, 2),
            format::number_trimmed(self.hi, 2)
        )
    }

    /// "3–7%".
    pub fn percent(self) -> String {
        format!("{}%", self.span())
    }

    /// Whether `value` lies inside the band.
    pub fn contains(self, value: f64) -> bool {
        value >= self.lo && value <= self.hi
    }
}

/// Prices per customer per month at or above which a plan is read as
/// mid-market rather than small-business ($12K a year).
pub const MID_MARKET_ARPA_PER_MONTH: f64 = 1_000.0;
/// Prices per customer per month at or above which a plan is read as
/// enterprise ($60K a year).
pub const ENTERPRISE_ARPA_PER_MONTH: f64 = 5_000.0;

/// The customer segment a price points to, for choosing which benchmark band
/// (churn, payback) applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// Under $1,000 per customer per month.
    Smb,
    /// $1,000–5,000 per customer per month.
    MidMarket,
    /// $5,000 or more per customer per month.
    Enterprise,
}

impl Segment {
    /// All three, smallest customers first.
    pub const ALL: [Segment; 3] = [Segment::Smb, Segment::MidMarket, Segment::Enterprise];

    /// The segment of a plan priced at `arpa_per_month` dollars.
    pub fn from_arpa(arpa_per_month: f64) -> Segment {
        if arpa_per_month >= ENTERPRISE_ARPA_PER_MONTH {
            Segment::Enterprise
        } else if arpa_per_month >= MID_MARKET_ARPA_PER_MONTH {
            Segment::MidMarket
        } else {
            Segment::Smb
        }
    }

    /// The name shown in the app.
    pub fn label(self) -> &'static str {
        match self {
            Segment::Smb => "small-business",
            Segment::MidMarket => "mid-market",
            Segment::Enterprise => "enterprise",
        }
    }

    /// The segment's monthly logo churn band, % a month.
    pub fn churn(self) -> Band {
        match self {
            Segment::Smb => CHURN_SMB_PCT,
            Segment::MidMarket => CHURN_MID_MARKET_PCT,
            Segment::Enterprise => CHURN_ENTERPRISE_PCT,
        }
    }

    /// The segment's churn band in words: "3–7%", "under 1–2%" for
    /// enterprise, where the published band is an upper bound.
    pub fn churn_text(self) -> String {
        match self {
            Segment::Enterprise => format!("under {}", self.churn().percent()),
            _ => self.churn().percent(),
        }
    }

    /// Monthly churn below which a goal-seek answer for this segment is a
    /// stretch, %: the low end of the segment's band (half the enterprise
    /// band's low end for enterprise, whose band is an upper bound).
    pub fn churn_stretch(self) -> f64 {
        match self {
            Segment::Enterprise => CHURN_ENTERPRISE_PCT.lo / 2.0,
            _ => self.churn().lo,
        }
    }

    /// Monthly churn below which a goal-seek answer is unrealistic, % (a
    /// workbench rule of thumb: about the best the next segment up keeps;
    /// for enterprise a quarter of a percent a month, about 97 % of
    /// customers kept a year).
    pub fn churn_floor(self) -> f64 {
        match self {
            Segment::Smb => 1.0,
            Segment::MidMarket => 0.5,
            Segment::Enterprise => 0.25,
        }
    }

    /// The segment's CAC payback band, months.
    pub fn payback(self) -> Band {
        match self {
            Segment::Smb => PAYBACK_SMB_MONTHS,
            Segment::MidMarket => PAYBACK_MID_MARKET_MONTHS,
            Segment::Enterprise => PAYBACK_ENTERPRISE_MONTHS,
        }
    }
}

// ---------------------------------------------------------------------------
// The bands
// ---------------------------------------------------------------------------

/// LTV:CAC below this loses money on every customer.
pub const LTV_CAC_LOSS: f64 = 1.0;
/// LTV:CAC from this up is healthy.
pub const LTV_CAC_HEALTHY: f64 = 3.0;
/// LTV:CAC above this may mean growth is under-funded.
pub const LTV_CAC_UNDER_INVESTING: f64 = 5.0;

/// The usual CAC payback bar, months.
pub const PAYBACK_BAR_MONTHS: f64 = 12.0;
/// Small-business CAC payback, months.
pub const PAYBACK_SMB_MONTHS: Band = Band::new(5.0, 12.0);
/// Mid-market CAC payback, months.
pub const PAYBACK_MID_MARKET_MONTHS: Band = Band::new(12.0, 18.0);
/// Enterprise CAC payback, months.
pub const PAYBACK_ENTERPRISE_MONTHS: Band = Band::new(18.0, 24.0);

/// Small-business monthly logo churn, %.
pub const CHURN_SMB_PCT: Band = Band::new(3.0, 7.0);
/// Mid-market monthly logo churn, %.
pub const CHURN_MID_MARKET_PCT: Band = Band::new(1.5, 3.0);
/// Enterprise monthly logo churn, %: under 1–2 %.
pub const CHURN_ENTERPRISE_PCT: Band = Band::new(1.0, 2.0);

/// Freemium free-to-paid conversion, %.
pub const FREEMIUM_TO_PAID_PCT: Band = Band::new(2.0, 5.0);
/// Opt-in (no card) free trial to paid, %.
pub const OPT_IN_TRIAL_TO_PAID_PCT: Band = Band::new(15.0, 25.0);
/// Card-required free trial to paid, %.
pub const CARD_TRIAL_TO_PAID_PCT: Band = Band::new(40.0, 60.0);
/// Product-qualified lead to paid, %.
pub const PQL_TO_PAID_PCT: Band = Band::new(5.0, 15.0);
/// Marketing-qualified lead to paid, %.
pub const MQL_TO_PAID_PCT: Band = Band::new(1.0, 3.0);

/// Magic number above this is efficient.
pub const MAGIC_NUMBER_EFFICIENT: f64 = 0.75;
/// Magic number from this to the efficient line is workable.
pub const MAGIC_NUMBER_WORKABLE: f64 = 0.5;

/// A viral coefficient above this sustains itself.
pub const VIRAL_SELF_SUSTAINING: f64 = 1.0;

/// Typical SaaS gross margin, %.
pub const GROSS_MARGIN_PCT: Band = Band::new(70.0, 85.0);
/// Gross margins above this leave almost nothing for hosting and support;
/// no SaaS company reports them, % (a workbench rule of thumb).
pub const GROSS_MARGIN_MAX_PCT: f64 = 95.0;

/// The win rate most B2B sales teams report, % of qualified opportunities
/// (a workbench rule of thumb).
pub const WIN_RATE_PCT: Band = Band::new(20.0, 30.0);
/// Win rates above this are more than sales teams sustain, %.
pub const WIN_RATE_MAX_PCT: f64 = 50.0;

/// Net revenue retention above this is top-decile territory, % a year.
pub const NRR_TOP_DECILE_PCT: f64 = 130.0;
/// Net revenue retention above this no public SaaS company shows, % a year.
pub const NRR_MAX_PCT: f64 = 200.0;

// ---------------------------------------------------------------------------
// The table the app shows
// ---------------------------------------------------------------------------

/// Names one row of [`table`], so a screen that shows a band (Plan's
/// metrics, the methods page) refers to it instead of writing it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BenchmarkId {
    /// LTV:CAC bands.
    LtvCac,
    /// CAC payback by segment.
    Payback,
    /// Monthly logo churn by segment.
    LogoChurn,
    /// Freemium to paid.
    FreemiumToPaid,
    /// Opt-in trial to paid.
    OptInTrialToPaid,
    /// Card-required trial to paid.
    CardTrialToPaid,
    /// PQL to paid.
    PqlToPaid,
    /// Magic number.
    MagicNumber,
    /// Viral coefficient.
    ViralCoefficient,
    /// Gross margin.
    GrossMargin,
    /// Win rate.
    WinRate,
    /// Net revenue retention.
    Nrr,
}

/// A published band, for the reference table beside results and on the
/// "How the numbers are computed" page.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    /// Which row this is.
    pub id: BenchmarkId,
    /// The figure the band is about.
    pub metric: &'static str,
    /// The band, in our words, written from the constants above.
    pub band: String,
    /// Where it comes from.
    pub source: &'static str,
}

fn n(value: f64) -> String {
    format::number_trimmed(value, 2)
}

/// Every band the app reads figures against, each with its source.
pub fn table() -> Vec<Benchmark> {
    use BenchmarkId as B;
    let row = |id, metric, band: String, source| Benchmark {
        id,
        metric,
        band,
        source,
    };
    vec![
        row(
            B::LtvCac,
            "LTV:CAC",
            format!(
                "Under {} loses money on every customer; {}–{} is marginal; {} or more is healthy; above {} may mean growth is under-funded.",
                n(LTV_CAC_LOSS),
                n(LTV_CAC_LOSS),
                n(LTV_CAC_HEALTHY),
                n(LTV_CAC_HEALTHY),
                n(LTV_CAC_UNDER_INVESTING)
            ),
            source::LTV_CAC_BANDS,
        ),
        row(
            B::Payback,
            "CAC payback",
            format!(
                "SMB {} months, mid-market {}, enterprise {}; under {} is the usual bar; longer than the customer lifetime is never good.",
                PAYBACK_SMB_MONTHS.span(),
                PAYBACK_MID_MARKET_MONTHS.span(),
                PAYBACK_ENTERPRISE_MONTHS.span(),
                n(PAYBACK_BAR_MONTHS)
            ),
            source::PAYBACK_BANDS,
        ),
        row(
            B::LogoChurn,
            "Monthly logo churn",
            format!(
                "SMB {}, mid-market {}, enterprise {}.",
                Segment::Smb.churn_text(),
                Segment::MidMarket.churn_text(),
                Segment::Enterprise.churn_text()
            ),
            source::CHURN_BANDS,
        ),
        row(
            B::FreemiumToPaid,
            "Freemium to paid",
            format!("{} of free accounts upgrade.", FREEMIUM_TO_PAID_PCT.percent()),
            source::CONVERSION_BANDS,
        ),
        row(
            B::OptInTrialToPaid,
            "Opt-in free trial to paid",
            format!(
                "{} when no card is asked for up front.",
                OPT_IN_TRIAL_TO_PAID_PCT.percent()
            ),
            source::CONVERSION_BANDS,
        ),
        row(
            B::CardTrialToPaid,
            "Card-required trial to paid",
            format!(
                "{} when a card is taken at sign-up.",
                CARD_TRIAL_TO_PAID_PCT.percent()
            ),
            source::CONVERSION_BANDS,
        ),
        row(
            B::PqlToPaid,
            "PQL to paid",
            format!(
                "{} of product-qualified leads buy, against {} of marketing-qualified leads.",
                PQL_TO_PAID_PCT.percent(),
                MQL_TO_PAID_PCT.percent()
            ),
            source::PQL_BANDS,
        ),
        row(
            B::MagicNumber,
            "Magic number",
            format!(
                "Above {} means sales and marketing spend turns into ARR efficiently.",
                n(MAGIC_NUMBER_EFFICIENT)
            ),
            source::MAGIC_NUMBER,
        ),
        row(
            B::ViralCoefficient,
            "Viral coefficient",
            format!(
                "Above {}, each cohort of users brings in a larger one: growth sustains itself.",
                n(VIRAL_SELF_SUSTAINING)
            ),
            source::VIRAL,
        ),
        row(
            B::GrossMargin,
            "Gross margin",
            format!("{} is typical for SaaS.", GROSS_MARGIN_PCT.percent()),
            source::GROSS_MARGIN,
        ),
        row(
            B::WinRate,
            "Win rate",
            format!(
                "{} of qualified opportunities is what most B2B teams report; above {} is rare.",
                WIN_RATE_PCT.percent(),
                format::percent(WIN_RATE_MAX_PCT, 0)
            ),
            source::WORKBENCH_RULE,
        ),
        row(
            B::Nrr,
            "Net revenue retention",
            format!(
                "Above {} a year is top-decile; above {} no public SaaS company shows.",
                format::percent(NRR_TOP_DECILE_PCT, 0),
                format::percent(NRR_MAX_PCT, 0)
            ),
            source::WORKBENCH_RULE,
        ),
    ]
}

/// One row of [`table`].
pub fn benchmark(id: BenchmarkId) -> Benchmark {
    // Every id has a row; the fallback keeps this total without a panic.
    table()
        .into_iter()
        .find(|b| b.id == id)
        .unwrap_or_else(|| Benchmark {
            id,
            metric: "",
            band: String::new(),
            source: source::WORKBENCH_RULE,
        })
}

/// A pilot target read off a band: "at least 3% (freemium 2–5%)".
pub fn pilot_target(id: BenchmarkId) -> String {
    match id {
        BenchmarkId::FreemiumToPaid => format!(
            "at least {}% (freemium {})",
            n((FREEMIUM_TO_PAID_PCT.lo + FREEMIUM_TO_PAID_PCT.hi) / 2.0),
            FREEMIUM_TO_PAID_PCT.percent()
        ),
        BenchmarkId::PqlToPaid => format!(
            "at least {}% (band {})",
            n(PQL_TO_PAID_PCT.lo),
            PQL_TO_PAID_PCT.percent()
        ),
        BenchmarkId::Payback => format!("under {} months", n(PAYBACK_BAR_MONTHS)),
        BenchmarkId::LtvCac => format!("{} or more", n(LTV_CAC_HEALTHY)),
        BenchmarkId::MagicNumber => format!("above {}", n(MAGIC_NUMBER_EFFICIENT)),
        BenchmarkId::ViralCoefficient => format!("rising toward {}", n(VIRAL_SELF_SUSTAINING)),
        other => benchmark(other).band,
    }
}
