//! A big spec's models in crates of their own.
//!
//! rustc compiles one crate on one core and holds all of it in memory, so a crate with thousands
//! of models is slow to build and heavy however little each model costs. Split, cargo builds the
//! parts side by side and each rustc holds only its part. The split follows the types' users:
//! a type used by one tag only ever names that tag's types and shared ones, and a shared type only
//! shared ones (whatever a type names is reached by all its users), so the shared crate comes
//! first and the parts, each holding whole tags, depend on it alone. The generated crate
//! re-exports every part as `models`, so no path changes.

use crate::ir::{Api, TypeDef, TypeKind};
use std::collections::{BTreeMap, BTreeSet};

/// Which model file goes in which crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ModelCrates {
    /// The shared crate first, then the parts.
    pub(crate) crates: Vec<ModelCrate>,
    /// Model file (group) → index in `crates`.
    group_crate: BTreeMap<String, usize>,
    /// Tag → the part holding its models (tags whose models are all shared have none).
    tag_part: BTreeMap<String, usize>,
}

/// One crate of models.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ModelCrate {
    /// The package name (`datadog-api-v2-models-shared`, `datadog-api-v2-models-1`).
    pub(crate) package: String,
    /// Its folder, relative to the generated crate's root (`models-shared`, `models-1`).
    pub(crate) dir: String,
    /// Its model files, in name order.
    pub(crate) groups: Vec<String>,
    /// Its Cargo features: the tags using its types, in name order.
    pub(crate) tags: Vec<String>,
    /// Whether it is the shared crate, which the parts depend on.
    pub(crate) shared: bool,
}

impl ModelCrate {
    /// The crate's Rust name.
    pub(crate) fn rust_name(&self) -> String {
        self.package.replace('-', "_")
    }
}

impl ModelCrates {
    /// The split for the crate `package`, or `None` when it has at most `max_types` model types
    /// (or `max_types` is 0). Tags go to `ceil(tag types / max_types)` parts, heaviest first into
    /// the lightest part (weight: a type and its fields, variants or values), so parts come out
    /// about even; ties go by name, so the split is deterministic.
    pub(crate) fn plan(api: &Api, package: &str, max_types: usize) -> Option<ModelCrates> {
        if max_types == 0 || api.types.len() <= max_types {
            return None;
        }
        // Files that hold a shared type are shared, and so is every file of a tag with a type in
        // one of them (a tag named like the shared file), so no part names a type of another.
        let mut shared_groups: BTreeSet<&str> = api
            .types
            .values()
            .filter(|t| t.users.len() != 1)
            .map(|t| t.group.as_str())
            .collect();
        let shared_tags: BTreeSet<&str> = api
            .types
            .values()
            .filter(|t| t.users.len() == 1 && shared_groups.contains(t.group.as_str()))
            .filter_map(|t| t.users.first().map(String::as_str))
            .collect();
        let mut weights: BTreeMap<&str, usize> = BTreeMap::new();
        let mut tag_groups: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let mut tag_types: usize = 0;
        for t in api.types.values() {
            match t.users.first().filter(|_| t.users.len() == 1) {
                Some(tag) if !shared_tags.contains(tag.as_str()) => {
                    *weights.entry(tag).or_default() += weight(t);
                    tag_groups.entry(tag).or_default().insert(&t.group);
                    tag_types += 1;
                }
                _ => {
                    shared_groups.insert(&t.group);
                }
            }
        }
        let parts = tag_types.div_ceil(max_types).max(1);
        let mut order: Vec<(&str, usize)> = weights.into_iter().collect();
        order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut bins: Vec<(usize, Vec<&str>)> = vec![(0, Vec::new()); parts];
        for (tag, w) in order {
            if let Some(bin) = bins.iter_mut().min_by_key(|(load, _)| *load) {
                bin.0 += w;
                bin.1.push(tag);
            }
        }
        let mut crates = vec![ModelCrate {
            package: format!("{package}-models-shared"),
            dir: "models-shared".to_owned(),
            groups: shared_groups.iter().map(|g| (*g).to_owned()).collect(),
            tags: api.modules.keys().cloned().collect(),
            shared: true,
        }];
        let mut tag_part = BTreeMap::new();
        for (_, mut tags) in bins.into_iter().filter(|(_, tags)| !tags.is_empty()) {
            tags.sort_unstable();
            let n = crates.len();
            let groups: BTreeSet<&str> = tags
                .iter()
                .flat_map(|t| tag_groups.get(t).into_iter().flatten().copied())
                .collect();
            for tag in &tags {
                tag_part.insert((*tag).to_owned(), n);
            }
            crates.push(ModelCrate {
                package: format!("{package}-models-{n}"),
                dir: format!("models-{n}"),
                groups: groups.into_iter().map(str::to_owned).collect(),
                tags: tags.into_iter().map(str::to_owned).collect(),
                shared: false,
            });
        }
        let group_crate = crates
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.groups.iter().map(move |g| (g.clone(), i)))
            .collect();
        Some(ModelCrates {
            crates,
            group_crate,
            tag_part,
        })
    }

    /// The crate holding a model file.
    pub(crate) fn crate_of_group(&self, group: &str) -> Option<&ModelCrate> {
        self.group_crate
            .get(group)
            .and_then(|&i| self.crates.get(i))
    }

    /// The part holding a tag's models, if it has one.
    pub(crate) fn part_of_tag(&self, tag: &str) -> Option<&ModelCrate> {
        self.tag_part.get(tag).and_then(|&i| self.crates.get(i))
    }

    /// The shared crate.
    pub(crate) fn shared(&self) -> Option<&ModelCrate> {
        self.crates.first()
    }
}

/// A type's rough compile cost: the type and each field, variant or value it has.
fn weight(t: &TypeDef) -> usize {
    1 + match &t.kind {
        TypeKind::Struct(s) => s.fields.len(),
        TypeKind::Enum(e) => e.variants.len(),
        TypeKind::Union(u) => u.variants.len(),
        TypeKind::IntEnum(e) => e.values.len(),
        TypeKind::Alias(_) | TypeKind::Newtype(_) => 0,
    }
}
