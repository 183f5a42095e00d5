//! The Windows console: UTF-8 output, colour only where the console reads VT
//! sequences, and a window of its own (cchc.exe started from Explorer, a plan
//! dragged onto it) kept open until Enter. Elsewhere nothing changes.

/// What the console allows, found once at start.
#[derive(Debug, Clone, Copy)]
pub struct Console {
    /// The process has a console window of its own (started from Explorer):
    /// it closes when cchc exits, so cchc waits for Enter first.
    pub own_window: bool,
    /// Colour escapes are understood (always off a Windows console).
    pub vt: bool,
}

impl Console {
    /// Prepares the console: on Windows, output code page UTF-8 and VT
    /// processing when attached to one.
    pub fn attach() -> Console {
        imp::attach()
    }

    /// Keeps an own window open until Enter, so its result can be read.
    pub fn finish(&self, lang: crate::i18n::Lang) {
        if !self.own_window {
            return;
        }
        use std::io::{BufRead, Write};
        let mut err = std::io::stderr();
        let _ = write!(
            err,
            "\n{}",
            crate::tr!(
                lang,
                "Nhấn Enter để đóng cửa sổ…",
                "Press Enter to close this window…"
            )
        );
        let _ = err.flush();
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
}

/// The command line of a process with its own window: a plan dragged onto
/// the icon is `cchc.exe PATH…`, checked; a double click (no argument)
/// shows how to use it.
pub fn explorer_args(argv: Vec<String>, commands: &[&str]) -> Vec<String> {
    let Some(first) = argv.get(1) else {
        return vec![argv.first().cloned().unwrap_or_default(), "--help".into()];
    };
    if first.starts_with('-') || commands.contains(&first.as_str()) {
        return argv;
    }
    let mut args = Vec::with_capacity(argv.len() + 1);
    let mut rest = argv.into_iter();
    args.extend(rest.next());
    args.push("check".into());
    args.extend(rest);
    args
}

#[cfg(windows)]
mod imp {
    use super::Console;
    use windows_sys::Win32::System::Console::{
        ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleMode, GetConsoleProcessList, GetStdHandle,
        STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, SetConsoleMode, SetConsoleOutputCP,
    };

    const CP_UTF8: u32 = 65001;

    pub fn attach() -> Console {
        // SAFETY: plain Win32 calls on the process's own standard handles; every
        // pointer passed is to a local that outlives the call.
        unsafe {
            let out = GetStdHandle(STD_OUTPUT_HANDLE);
            let mut mode = 0u32;
            let out_console = GetConsoleMode(out, &mut mode) != 0;
            let mut vt = false;
            if out_console {
                SetConsoleOutputCP(CP_UTF8);
                vt = mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
                    || SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
            }
            // A console shared with no other process was made for cchc (Explorer);
            // wait only when Enter can be read from it.
            let mut pids = [0u32; 2];
            let alone = GetConsoleProcessList(pids.as_mut_ptr(), 2) == 1;
            let mut in_mode = 0u32;
            let input = GetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), &mut in_mode) != 0;
            Console {
                own_window: alone && input,
                vt: !out_console || vt,
            }
        }
    }
}

#[cfg(not(windows))]
mod imp {
    use super::Console;

    pub fn attach() -> Console {
        Console {
            own_window: false,
            vt: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_plan_dropped_on_the_icon_is_checked() {
        let commands = ["check", "init"];
        assert_eq!(
            explorer_args(args(&["cchc.exe", r"C:\KH\ke-hoach.yaml"]), &commands),
            args(&["cchc.exe", "check", r"C:\KH\ke-hoach.yaml"])
        );
        assert_eq!(
            explorer_args(args(&["cchc.exe"]), &commands),
            args(&["cchc.exe", "--help"])
        );
        assert_eq!(
            explorer_args(args(&["cchc.exe", "init", "a.yaml"]), &commands),
            args(&["cchc.exe", "init", "a.yaml"])
        );
        assert_eq!(
            explorer_args(args(&["cchc.exe", "--lang", "en"]), &commands),
            args(&["cchc.exe", "--lang", "en"])
        );
    }
}
