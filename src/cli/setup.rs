//! The one run setup that `check` and `report` share: which config file
//! applies to each file, the language, and the profile of the command line.

use std::path::Path;

use crate::check::Options;
use crate::config::{Config, Configs};
use crate::i18n::Lang;
use crate::profile::{self, Profile};

/// What a run is set up with, before the command adds its own options.
pub struct Setup {
    pub lang: Lang,
    /// The config of each file: `--config`, none with `--no-config`, else discovered per file.
    pub configs: Configs,
    /// `--profile`: overrides `directive:` in plans.
    pub profile: Option<Profile>,
}

impl Setup {
    /// Loads `--config` (or the config found from the current directory, for the
    /// language of messages), then the `--profile`.
    pub fn new(
        config: Option<&Path>,
        no_config: bool,
        profile: Option<&str>,
        cli_lang: Option<Lang>,
    ) -> Result<Setup, String> {
        let first = cli_lang.unwrap_or_default();
        let (configs, config_lang) = match (config, no_config) {
            (Some(path), _) => {
                let c = Config::load(path, first)?;
                let lang = c.lang;
                (Configs::one(c), lang)
            }
            (None, true) => (Configs::none(), None),
            (None, false) => {
                let here = Config::discover(Path::new("."))
                    .map(|p| Config::load(&p, first))
                    .transpose()?;
                let lang = cli_lang.or(here.and_then(|c| c.lang)).unwrap_or_default();
                (Configs::discovered(lang), Some(lang))
            }
        };
        let lang = cli_lang.or(config_lang).unwrap_or_default();
        let profile = profile
            .map(|p| profile::resolve(p, None, lang))
            .transpose()?;
        Ok(Setup {
            lang,
            configs,
            profile,
        })
    }

    /// The check options of this setup; the command sets the rest.
    pub fn options(&self) -> Options {
        Options {
            lang: self.lang,
            profile: self.profile.clone(),
            ..Options::default()
        }
    }
}
