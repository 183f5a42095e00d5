//! An Excel workbook's sheets as tables of grid cells, read with calamine
//! cell by cell (cached values only: formulas are never evaluated), with its
//! merged regions. Number cells keep their value, date cells their day.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use super::docx::MAX_CELLS;
use super::{
    Block, Document, Limit, MAX_COLUMNS, MAX_ROWS, Merge, Row, Slot, Table, TableName, Unopenable,
    clean_text,
};
use crate::model::deadline::Date;

fn refused(e: calamine::XlsxError) -> Unopenable {
    match e {
        calamine::XlsxError::Password => Unopenable::Encrypted,
        e => Unopenable::Malformed(e.to_string()),
    }
}

/// Reads every worksheet into a table, in workbook order.
pub fn read(bytes: &[u8]) -> Result<Document, Unopenable> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(refused)?;
    let names: Vec<String> = book.sheet_names();
    let mut blocks = Vec::new();
    let mut cells_total: u64 = 0;
    for name in names {
        let regions: Vec<calamine::Dimensions> = match book.merge_cells_by_sheet_name(&name) {
            Ok(r) => r,
            Err(calamine::XlsxError::WorksheetNotFound(_)) => continue,
            Err(e) => return Err(refused(e)),
        };
        let mut grid: BTreeMap<u32, BTreeMap<u32, Slot>> = BTreeMap::new();
        {
            let mut reader = match book.worksheet_cells_reader(&name) {
                Ok(r) => r,
                // A chart sheet or a dialog sheet has no cells.
                Err(calamine::XlsxError::WorksheetNotFound(_)) => continue,
                Err(e) => return Err(refused(e)),
            };
            while let Some(cell) = reader.next_cell().map_err(refused)? {
                let (row, col) = cell.get_position();
                let Some(slot) = slot_of(cell.get_value()) else {
                    continue;
                };
                if row >= MAX_ROWS {
                    return Err(Unopenable::Limit(Limit::Rows(u64::from(row) + 1)));
                }
                if col >= MAX_COLUMNS {
                    return Err(Unopenable::Limit(Limit::Columns(u64::from(col) + 1)));
                }
                cells_total += 1;
                if cells_total > MAX_CELLS {
                    return Err(Unopenable::Limit(Limit::Rows(u64::from(row) + 1)));
                }
                grid.entry(row).or_default().insert(col, slot);
            }
        }
        // Merged regions, marked on the rows that have cells (each mark counted as a cell).
        for d in &regions {
            let (first, last) = (d.start.1, d.end.1.min(MAX_COLUMNS - 1));
            for (&r, cols) in grid.range_mut(d.start.0..=d.end.0) {
                cells_total += u64::from(last.saturating_sub(first)) + 1;
                if cells_total > MAX_CELLS {
                    return Err(Unopenable::Limit(Limit::Rows(u64::from(r) + 1)));
                }
                for col in first..=last {
                    let origin = r == d.start.0 && col == first;
                    let slot = cols.entry(col).or_default();
                    if !origin {
                        *slot = Slot::default();
                    }
                    slot.merged = Some(Merge {
                        first_col: first,
                        last_col: last,
                        origin,
                        vertical: d.start.0 != d.end.0,
                    });
                }
            }
        }
        let mut rows = Vec::with_capacity(grid.len());
        for (r, cols) in grid {
            let width = cols.keys().next_back().map_or(0, |c| c + 1);
            cells_total += u64::from(width);
            if cells_total > 2 * MAX_CELLS {
                return Err(Unopenable::Limit(Limit::Columns(u64::from(width))));
            }
            let mut slots: Vec<Slot> = (0..width).map(|_| Slot::default()).collect();
            for (c, slot) in cols {
                slots[c as usize] = slot;
            }
            rows.push(Row {
                number: r + 1,
                slots,
            });
        }
        blocks.push(Block::Table(Table {
            name: TableName::Sheet(name),
            rows,
        }));
    }
    Ok(Document { blocks })
}

/// A cell's slot; `None` for an empty one.
fn slot_of(value: &DataRef<'_>) -> Option<Slot> {
    let mut slot = Slot::default();
    match value {
        DataRef::Empty | DataRef::Error(_) => return None,
        DataRef::String(s) => slot.text = clean_text(s),
        DataRef::SharedString(s) => slot.text = clean_text(s),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => slot.text = clean_text(s),
        DataRef::Bool(b) => slot.text = if *b { "TRUE" } else { "FALSE" }.into(),
        DataRef::Int(i) => {
            slot.text = i.to_string();
            slot.number = Some(*i as f64);
        }
        DataRef::Float(f) => {
            slot.text = number_text(*f);
            slot.number = Some(*f);
        }
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            match Date::new(i32::from(y), u32::from(m), u32::from(day)) {
                Some(date) => {
                    slot.text = date.to_string();
                    slot.date = Some(slot.text.clone());
                }
                None => slot.text = number_text(d.as_f64()),
            }
        }
        DataRef::DateTime(d) => slot.text = number_text(d.as_f64()),
    }
    (!slot.text.is_empty()).then_some(slot)
}

/// A number as officers would read it: `2023`, not `2023.0`.
pub fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}
