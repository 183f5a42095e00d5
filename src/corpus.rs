//! Synthetic plans in the spec's format, for benchmarks, property tests and the
//! `gen-corpus` example: realistic size (about 40 tasks, ~16 KB), deterministic
//! from a seed, and optionally carrying typical defects.

use std::fmt::Write;

/// A small deterministic generator (xorshift64*), enough for varied test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const AREAS: &[&str] = &[
    "institutional",
    "procedures",
    "apparatus",
    "civil_service",
    "public_finance",
    "digital_government",
];
const PCI: &[&str] = &[
    "market_entry",
    "land_access",
    "transparency",
    "time_costs",
    "informal_charges",
    "fair_competition",
    "proactivity",
    "business_support",
    "labor_training",
    "legal_institutions",
];
const FOCUS: &[&str] = &[
    "legal_documents",
    "admin_procedures",
    "apparatus_streamlining",
    "job_positions",
    "cadre_management",
    "transparent_recruitment",
    "digital_government_resources",
];
const TITLES: &[&str] = &[
    "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực quản lý",
    "Kiện toàn chức năng, nhiệm vụ của các phòng chuyên môn",
    "Rà soát, điều chỉnh đề án vị trí việc làm",
    "Giao quyền tự chủ tài chính cho đơn vị sự nghiệp trực thuộc",
    "Nâng cấp phần mềm quản lý văn bản và điều hành",
    "Công khai, minh bạch thông tin về thủ tục hành chính trên cổng thông tin điện tử",
];
const OUTPUTS: &[&str] = &[
    "Báo cáo kết quả rà soát và phương án đơn giản hóa",
    "Quyết định phê duyệt đề án",
    "Cơ sở dữ liệu hồ sơ đã số hóa",
    "Kế hoạch triển khai và báo cáo kết quả thực hiện",
    "Quy chế phối hợp được ban hành",
];
const DUES: &[&str] = &[
    "2022-06-30",
    "Quý II/2023",
    "tháng 9/2024",
    "2025",
    "12/2023",
    "annually",
    "hằng năm",
    "2024-Q4",
];
const UNITS: &[(&str, &str)] = &[
    ("VP", "Văn phòng"),
    ("TCCB", "Phòng Tổ chức cán bộ"),
    ("KHTC", "Phòng Kế hoạch – Tài chính"),
    ("PC", "Phòng Pháp chế"),
    ("TTra", "Thanh tra"),
    ("TTDL", "Trung tâm Dữ liệu"),
];

/// One plan of about `tasks` tasks. With `defective`, a few typical mistakes are mixed in.
pub fn plan(seed: u64, tasks: usize, defective: bool) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::with_capacity(16 * 1024);
    let _ = writeln!(
        s,
        "# Kế hoạch tổng hợp số {seed} (dữ liệu thử)\nversion: 1\n"
    );
    let _ = writeln!(
        s,
        "plan:\n  agency: Cơ quan thử nghiệm số {seed}\n  number: {seed}/KH-TN\n  title: Kế hoạch thực hiện Chương trình hành động CCHC giai đoạn 2022–2025\n  issued: 2021-12-{:02}\n  period: {{from: 2022, to: 2025}}\n  implements: [76/NQ-CP, 08-NQ/TU, 7946/UBND-NCPC]\n",
        1 + rng.below(28)
    );
    s.push_str("units:\n");
    for (id, name) in UNITS {
        let _ = writeln!(s, "  - {{id: {id}, name: {name}}}");
    }
    s.push_str("\nobjectives:\n");
    for (i, area) in AREAS.iter().enumerate() {
        let base = 40 + rng.below(30);
        let target = if defective && i == 1 {
            "\"100%\"".to_owned()
        } else {
            "100".to_owned()
        };
        let indicator = if i == 1 {
            "\n    indicator: satisfaction"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  - id: MT{i}\n    area: {area}\n    statement: Đến năm 2025, 100% nhiệm vụ thuộc nội dung {area} hoàn thành đúng hạn{indicator}\n    unit: \"%\"\n    baseline: {{year: 2021, value: {base}}}\n    target: {{year: 2025, value: {target}}}\n    milestones: {{2022: {}, 2023: {}, 2024: {}, 2025: 100}}",
            base + 5,
            base + 15,
            base + 25
        );
    }
    s.push_str("\ntasks:\n");
    s.push_str("  - id: NV0\n    area: direction\n    kind: directive\n    title: Ban hành kế hoạch CCHC hằng năm\n    output: Kế hoạch CCHC năm\n    lead: VP\n    due: annually\n");
    s.push_str("  - id: NV0.1\n    area: direction\n    kind: briefing\n    title: Đưa nội dung CCHC vào giao ban hằng tháng\n    output: Thông báo kết luận giao ban\n    lead: VP\n    due: monthly\n");
    s.push_str("  - id: NV0.2\n    area: direction\n    kind: communication\n    title: Tuyên truyền về CCHC\n    audience: [staff, citizens, businesses]\n    output: Tin, bài tuyên truyền\n    lead: VP\n    support: [TTDL]\n    due: quarterly\n");
    for i in 1..=tasks.saturating_sub(3) {
        let area = if defective && AREAS[i % AREAS.len()] == "public_finance" {
            "procedures"
        } else {
            AREAS[i % AREAS.len()]
        };
        let pci = PCI[i % PCI.len()];
        let focus = FOCUS[i % FOCUS.len()];
        let (lead, _) = UNITS[i % UNITS.len()];
        let (support, _) = UNITS[(i + 1) % UNITS.len()];
        let title = rng.pick(TITLES);
        let mut output = rng.pick(OUTPUTS).to_string();
        let mut lead = lead.to_owned();
        let mut due = format!("due: {}", rng.pick(DUES));
        if defective {
            match rng.below(12) {
                0 => output = "Tăng cường công tác kiểm tra".to_owned(),
                1 => lead = "Các phòng chuyên môn".to_owned(),
                2 => due = "due: thường xuyên".to_owned(),
                3 => due = String::new(),
                _ => {}
            }
        }
        let _ = writeln!(
            s,
            "  - id: NV{i}\n    area: {area}\n    title: {title}\n    objectives: [MT{}]\n    competitiveness: [{pci}]\n    focus: [{focus}]\n    output: {output}\n    lead: {lead}\n    support: [{support}]\n    {due}\n    budget_vnd: {}",
            i % AREAS.len(),
            (1 + rng.below(50)) * 10_000_000
        );
    }
    s.push_str("\nresources:\n  funding: [regular_budget, state_budget]\n  estimate_vnd: 1500000000\n  notes: Bố trí trong dự toán chi thường xuyên hằng năm\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Options, check_bytes};

    #[test]
    fn clean_generated_plans_have_no_errors_and_defective_ones_do() {
        let opts = Options::default();
        let clean = check_bytes("clean.yaml", plan(7, 40, false).as_bytes(), false, &opts);
        let codes: Vec<_> = clean
            .diagnostics
            .iter()
            .map(|d| (d.code(), d.line))
            .collect();
        assert!(codes.is_empty(), "{codes:?}");
        let bad = check_bytes("bad.yaml", plan(7, 40, true).as_bytes(), false, &opts);
        assert!(bad.diagnostics.iter().any(|d| d.code() == "Q001"));
        assert!(bad.diagnostics.iter().any(|d| d.code() == "C001"));
    }
}
