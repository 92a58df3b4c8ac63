//! Data markers: the shapes that, with the colour, tell overlaid lines apart.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{ChartError, Palette, Rgb};

/// Marker shapes that, with the colour, tell overlaid lines apart without
/// dashes (dashes read badly on a projector).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkerShape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

impl MarkerShape {
    /// Shape of series `index`.
    pub(crate) fn of(index: usize) -> MarkerShape {
        match index % 5 {
            0 => MarkerShape::Circle,
            1 => MarkerShape::Square,
            2 => MarkerShape::Triangle,
            3 => MarkerShape::Diamond,
            _ => MarkerShape::Cross,
        }
    }
}

/// Draws a marker of half-size `r` centred on the pixel `(x, y)`.
pub(crate) fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    shape: MarkerShape,
    (x, y): (i32, i32),
    r: i32,
    color: Rgb,
) -> Result<(), ChartError> {
    let fill = color.plotters().filled();
    match shape {
        MarkerShape::Circle => root.draw(&Circle::new((x, y), r, fill))?,
        MarkerShape::Square => {
            root.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], fill))?
        }
        MarkerShape::Triangle => {
            let r = r + 1;
            root.draw(&Polygon::new(
                vec![(x, y - r), (x + r, y + r), (x - r, y + r)],
                fill,
            ))?
        }
        MarkerShape::Diamond => {
            let r = r + 1;
            root.draw(&Polygon::new(
                vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
                fill,
            ))?
        }
        MarkerShape::Cross => {
            let stroke = color.plotters().stroke_width(3);
            root.draw(&PathElement::new(
                vec![(x - r, y - r), (x + r, y + r)],
                stroke,
            ))?;
            root.draw(&PathElement::new(
                vec![(x - r, y + r), (x + r, y - r)],
                stroke,
            ))?;
        }
    }
    Ok(())
}

/// Half-size of data markers, px: a little wider than the line.
pub(crate) fn marker_radius(palette: &Palette) -> i32 {
    i32::try_from(palette.stroke()).unwrap_or(2) + 2
}
