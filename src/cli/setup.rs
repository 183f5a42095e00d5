//! The one run setup that `check` and `report` share: the config file, the
//! language, the directive profile of the command line and the config's.

use std::path::Path;

use crate::check::Options;
use crate::config::Config;
use crate::i18n::Lang;
use crate::profile::{self, Profile};
use crate::tr;

/// What a run is set up with, before the command adds its own options.
pub struct Setup {
    pub lang: Lang,
    pub config: Option<Config>,
    /// `--profile`: overrides `directive:` in plans.
    pub profile: Option<Profile>,
    /// The config's `profile:`: used when a plan names none.
    pub default_profile: Option<Profile>,
}

impl Setup {
    /// Finds and loads the config (`--config`, else discovered, none with
    /// `--no-config`), then the language and the profiles.
    pub fn new(
        config: Option<&Path>,
        no_config: bool,
        profile: Option<&str>,
        cli_lang: Option<Lang>,
    ) -> Result<Setup, String> {
        let config_path = match (config, no_config) {
            (Some(p), _) => Some(p.to_path_buf()),
            (None, true) => None,
            (None, false) => Config::discover(Path::new(".")),
        };
        let config = config_path
            .map(|p| Config::load(&p, cli_lang.unwrap_or_default()))
            .transpose()?;
        let lang = cli_lang
            .or(config.as_ref().and_then(|c| c.lang))
            .unwrap_or_default();
        let profile = profile.map(|p| load_profile(p, lang)).transpose()?;
        let default_profile = match config
            .as_ref()
            .and_then(|c| c.profile.as_ref().map(|p| (c, p)))
        {
            Some((c, p)) if profile::find_built_in(p).is_none() => {
                Some(load_profile(&c.root.join(p).to_string_lossy(), lang)?)
            }
            Some((_, p)) => Some(load_profile(p, lang)?),
            None => None,
        };
        Ok(Setup {
            lang,
            config,
            profile,
            default_profile,
        })
    }

    /// The check options of this setup; the command sets the rest.
    pub fn options(self) -> Options {
        Options {
            lang: self.lang,
            profile: self.profile,
            default_profile: self.default_profile,
            config: self.config,
            ..Options::default()
        }
    }
}

/// Resolves `--profile ID|FILE`.
pub fn load_profile(arg: &str, lang: Lang) -> Result<Profile, String> {
    if let Some(p) = profile::find_built_in(arg) {
        return Ok(p.clone());
    }
    let path = Path::new(arg);
    if !path.exists() {
        let known = profile::built_in()
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(tr!(
            lang,
            "không có hồ sơ `{arg}`: không phải hồ sơ có sẵn ({known}) cũng không phải tệp",
            "no profile `{arg}`: neither a built-in profile ({known}) nor a file"
        ));
    }
    Profile::from_file(path)
        .map_err(|e| tr!(lang, "hồ sơ không hợp lệ: {e}", "invalid profile: {e}"))
}
