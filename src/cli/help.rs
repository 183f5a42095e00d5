//! `--help` in the user's language: Vietnamese by default, English with
//! `--lang en` or `CCHC_LANG=en` (CLI.md). The English texts are the doc
//! comments of `args.rs`; this file holds the Vietnamese ones, by argument id
//! and subcommand name, and swaps clap's own headings and flags for Vietnamese.

use clap::{Arg, ArgAction, Command};

use crate::i18n::Lang;

/// The language asked for on the command line or in `CCHC_LANG`, read before
/// clap parses (so that clap's help and errors can be in it).
pub fn early_lang(args: &[String]) -> Lang {
    let mut asked = None;
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if a == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        if let Some(v) = value {
            asked = Some(v.to_owned());
        }
    }
    let asked = asked.or_else(|| std::env::var("CCHC_LANG").ok());
    match asked.as_deref().map(str::trim) {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    }
}

/// The Vietnamese help of each argument, by id.
const ARGS_VI: &[(&str, &str)] = &[
    (
        "lang",
        "Ngôn ngữ thông báo: vi (mặc định) hoặc en (cũng đặt được bằng CCHC_LANG)",
    ),
    (
        "paths",
        "Tệp hoặc thư mục kế hoạch; `-` đọc từ đầu vào chuẩn",
    ),
    ("format", "Dạng báo cáo"),
    (
        "profile",
        "Văn bản chỉ đạo: mã có sẵn (7946/UBND-NCPC, 282/QĐ-TTg) hoặc tệp hồ sơ",
    ),
    (
        "select",
        "Chỉ kiểm tra các quy tắc này: mã, tên hoặc chữ cái nhóm, cách nhau bằng dấu phẩy",
    ),
    (
        "ignore",
        "Bỏ qua các quy tắc này: mã, tên hoặc chữ cái nhóm, cách nhau bằng dấu phẩy",
    ),
    ("deny_warnings", "Cảnh báo cũng làm mã thoát là 1"),
    ("color", "Khi nào tô màu"),
    ("quiet", "Chỉ in các thông báo, không in bảng tổng hợp"),
    ("stdin_filename", "Tên hiển thị cho đầu vào chuẩn (`-`)"),
    (
        "output",
        "Ghi báo cáo vào TỆP (an toàn, ghi xong mới thay) thay vì in ra màn hình",
    ),
    (
        "exit_zero",
        "Luôn thoát với mã 0, kể cả khi có lỗi (báo cáo vẫn liệt kê)",
    ),
    (
        "statistics",
        "Đếm số thông báo theo từng quy tắc thay vì liệt kê",
    ),
    (
        "config",
        "Tệp cấu hình (mặc định: cchc.yaml hoặc .cchc.yaml gần tệp kế hoạch nhất)",
    ),
    ("no_config", "Không dùng tệp cấu hình"),
    (
        "no_ignores",
        "Hiện mọi thông báo, không theo các chú thích `# cchc: ignore`",
    ),
    (
        "skip_non_plans",
        "Bỏ qua các tệp được nêu mà không phải kế hoạch (như khi duyệt thư mục)",
    ),
    (
        "verbose",
        "Liệt kê cả các tệp bị bỏ qua và nơi lấy cấu hình",
    ),
    ("office", "Khi duyệt thư mục, đọc cả tệp .xlsx và .docx"),
    ("rule", "Mã quy tắc (C001) hoặc tên (missing-reform-area)"),
    ("file", "Tệp sẽ ghi"),
    ("document", "Tệp kế hoạch .docx hoặc .xlsx cần chuyển"),
    ("agency", "Cơ quan ban hành"),
    (
        "period",
        "Giai đoạn của kế hoạch, ví dụ 2026-2030 (mặc định: giai đoạn của văn bản chỉ đạo)",
    ),
    ("force", "Ghi đè tệp đã có"),
    ("shell", "Loại shell"),
];

/// The Vietnamese description of each subcommand.
const COMMANDS_VI: &[(&str, &str)] = &[
    (
        "check",
        "Kiểm tra kế hoạch (thư mục được duyệt tìm *.yaml, *.yml)",
    ),
    (
        "explain",
        "Giải thích một quy tắc: kiểm tra gì, vì sao, ví dụ sai và đúng",
    ),
    ("rules", "Liệt kê mọi quy tắc"),
    ("schema", "In JSON Schema của tệp kế hoạch"),
    ("profiles", "Liệt kê các văn bản chỉ đạo có sẵn"),
    (
        "init",
        "Viết khung kế hoạch có chú thích; các thông báo của nó là danh sách việc cần làm",
    ),
    (
        "import",
        "Chuyển kế hoạch viết bằng Word hoặc Excel (.docx, .xlsx) sang định dạng YAML",
    ),
    (
        "report",
        "Các bảng tổng hợp: nội dung CCHC, năng lực cạnh tranh, lộ trình, mục tiêu",
    ),
    ("completions", "In đoạn mã gợi ý lệnh cho shell"),
];

const TEMPLATE_VI: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// `command` with its help in `lang` (English is clap's as written).
pub fn localize(command: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => command,
        Lang::Vi => vietnamese(command, true),
    }
}

fn vietnamese(mut command: Command, top: bool) -> Command {
    if let Some((_, about)) = COMMANDS_VI.iter().find(|(n, _)| *n == command.get_name()) {
        command = command.about(*about);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = ARGS_VI.iter().find(|(i, _)| *i == id).map(|(_, h)| *h);
        command = command.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                "Đối số"
            } else {
                "Tùy chọn"
            };
            // clap's own "[default: …]" and "[possible values: …]" are English.
            let mut text = help.map(str::to_owned).unwrap_or_default();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if !values.is_empty() && a.get_action().takes_values() {
                text.push_str(&format!(" [giá trị: {}]", values.join(", ")));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && a.get_action().takes_values() {
                text.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
            }
            let a = a.help_heading(heading).help(text).hide_env(true);
            if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    }
    command = command
        .disable_help_subcommand(true)
        .help_template(TEMPLATE_VI)
        .subcommand_help_heading("Lệnh")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("In trợ giúp")
                .help_heading("Tùy chọn"),
        );
    if top {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In phiên bản")
                .help_heading("Tùy chọn"),
        );
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |s| vietnamese(s, false));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_read_from_the_arguments_first() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            early_lang(&args(&["cchc", "--lang", "en", "--help"])),
            Lang::En
        );
        assert_eq!(early_lang(&args(&["cchc", "check", "--lang=en"])), Lang::En);
        assert_eq!(early_lang(&args(&["cchc", "--lang", "vi"])), Lang::Vi);
    }

    #[test]
    fn every_argument_and_command_has_vietnamese_help() {
        use clap::CommandFactory;
        fn walk(c: &Command, missing: &mut Vec<String>) {
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if !matches!(id, "help" | "version") && !ARGS_VI.iter().any(|(i, _)| *i == id) {
                    missing.push(format!("{} --{id}", c.get_name()));
                }
            }
            for s in c.get_subcommands() {
                if !COMMANDS_VI.iter().any(|(n, _)| *n == s.get_name()) {
                    missing.push(s.get_name().to_owned());
                }
                walk(s, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&crate::cli::Cli::command(), &mut missing);
        assert!(missing.is_empty(), "{missing:?}");
    }
}
