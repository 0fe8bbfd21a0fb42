//! A paginated operation's adapter to the runtime's pagination engine, and its `paginate`,
//! `pages`, `into_stream` and `collect_all` methods. The adapter only sends a request for a
//! position and reads typed fields from a page; the stop rules are the runtime's.

use super::docs::doc_attrs;
use super::types::{ident, type_tokens};
use crate::ir::{FieldStep, Operation, Pagination, PagingStyle, Target, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// The `PageSource` impl and the stream methods of a paginated operation's builder.
pub(crate) fn paginator(op: &Operation) -> Option<TokenStream> {
    let p = op.pagination.as_ref()?;
    let builder = ident(&op.builder_name);
    let id = &op.id;
    let page = type_tokens(&p.page);
    let item = type_tokens(&p.item);
    let style = ident(match p.style {
        PagingStyle::PageNumber => "PageNumber",
        PagingStyle::Offset => "Offset",
        PagingStyle::Cursor => "Cursor",
    });
    let start = proc_macro2::Literal::i64_unsuffixed(p.start);
    let meta_decides = p.next_number.is_some() || p.last_number.is_some() || !p.totals.is_empty();
    let stop_on_short_page = !meta_decides;
    let fetch = fetch_body(op, p);
    let page_size = match &p.limit {
        Some((target, ty, default)) => {
            let value = match target {
                Target::Query(name) => {
                    let name = ident(name);
                    quote!(self.#name)
                }
                Target::Body {
                    body_optional,
                    steps,
                } => {
                    let root = if *body_optional {
                        Root::Chain(quote!(self.body.as_ref()))
                    } else {
                        Root::Place(quote!(self.body))
                    };
                    let e = last_field(&root, steps);
                    quote!(#e.copied())
                }
            };
            let value = if *ty == TypeRef::I32 {
                quote!(#value.map(i64::from))
            } else {
                value
            };
            match default {
                Some(d) => {
                    let d = proc_macro2::Literal::i64_unsuffixed(*d);
                    quote!(#value.or(Some(#d)))
                }
                None => value,
            }
        }
        None => quote!(None),
    };
    let received = results_borrowed(&p.results, quote!(map_or(0, Vec::len)));
    let mut info = quote!(rt::pagination::PageInfo::new(#received));
    if let Some(steps) = &p.number {
        let e = integer(steps);
        info = quote!(#info.number(#e));
    }
    if let Some(steps) = &p.next_number {
        let e = next_integer(steps);
        info = quote!(#info.next_number(#e));
    }
    if let Some(steps) = &p.last_number {
        let e = integer(steps);
        info = quote!(#info.last_number(#e));
    }
    if let Some((first, rest)) = p.totals.split_first() {
        let first = integer(first);
        let rest = rest.iter().map(|steps| integer(steps));
        info = quote!(#info.total(#first #(.or_else(|| #rest))*));
    }
    if let Some(steps) = &p.cursor {
        let e = cursor(steps);
        info = quote!(#info.cursor(#e));
    }
    let first_key = match &p.item_id {
        Some(field) => {
            let field = ident(field);
            quote!(map(|item| item.#field.to_string()))
        }
        None => quote!(and_then(|item| rt::serde_json::to_string(item).ok())),
    };
    let first_id = results_borrowed(
        &p.results,
        quote!(and_then(|items| items.first()).#first_key),
    );
    let into_items = results_owned(&p.results);
    let position_word = match p.style {
        PagingStyle::PageNumber => format!("page {} (`pageStart`)", p.start),
        PagingStyle::Offset => "offset 0".to_owned(),
        PagingStyle::Cursor => "the first page (no cursor)".to_owned(),
    };
    let paginate_doc = doc_attrs(Some(&format!(
        "Pagination settings for this request (start position, page bound); then a stream or a collection.\n\nFilters and the page size are sent with every page; the position parameter is set by the paginator on every request, starting at {position_word}, so a value set on this request is replaced. See [`rt::pagination`] for the stop rules and safety bounds."
    )));
    Some(quote! {
        impl rt::pagination::PageSource for #builder {
            type Page = #page;
            type Item = #item;
            const OPERATION: &'static str = #id;
            const RULES: rt::pagination::Rules = rt::pagination::Rules {
                style: rt::pagination::Style::#style,
                start: #start,
                stop_on_short_page: #stop_on_short_page,
            };

            #[inline]
            fn fetch(self, position: rt::pagination::Position) -> impl std::future::Future<Output = Result<Self::Page, Error>> + Send {
                #fetch
            }

            #[inline]
            fn page_size(&self) -> Option<i64> {
                #page_size
            }

            #[inline]
            fn page_info(page: &Self::Page) -> rt::pagination::PageInfo {
                #info
            }

            #[inline]
            fn first_id(page: &Self::Page) -> Option<String> {
                #first_id
            }

            #[inline]
            fn into_items(page: Self::Page) -> Vec<Self::Item> {
                #into_items
            }
        }

        /// Pagination.
        impl #builder {
            #paginate_doc
            #[inline]
            pub fn paginate(self) -> rt::pagination::Paginator<Self> {
                rt::pagination::Paginator::new(self)
            }

            /// Every page, as whole responses; see [`rt::pagination::Paginator::pages`].
            #[inline]
            pub fn pages(self) -> rt::pagination::Pages<#page> {
                self.paginate().pages()
            }

            /// Every item of every page, one page in memory at a time; see
            /// [`rt::pagination::Paginator::into_stream`].
            #[inline]
            pub fn into_stream(self) -> rt::pagination::Items<#item> {
                self.paginate().into_stream()
            }

            /// Every item, failing when there are more than `max_items`; see
            /// [`rt::pagination::Items::collect_all`].
            ///
            /// # Errors
            ///
            /// The first error of any page, a pagination safety bound, or more than `max_items` items.
            #[inline]
            pub async fn collect_all(self, max_items: usize) -> Result<Vec<#item>, Error> {
                self.paginate().collect_all(max_items).await
            }
        }
    })
}

/// Sends the request with the position set.
fn fetch_body(op: &Operation, p: &Pagination) -> TokenStream {
    let id = &op.id;
    let (pattern, value, convert) = match (p.style, &p.position_ty) {
        (PagingStyle::Cursor, _) => (
            quote!(rt::pagination::Position::Cursor(Some(value))),
            quote!(value),
            None,
        ),
        (_, TypeRef::I32) => (
            quote!(rt::pagination::Position::Number(n)),
            quote!(value),
            Some(quote! {
                let Ok(value) = i32::try_from(n) else {
                    return Err(Error::Pagination { operation: #id, reason: format!("position {n} does not fit the parameter") });
                };
            }),
        ),
        _ => (
            quote!(rt::pagination::Position::Number(value)),
            quote!(value),
            None,
        ),
    };
    let set = match &p.position {
        Target::Query(name) => {
            let setter = ident(name);
            quote!(request = request.#setter(#value);)
        }
        Target::Body {
            body_optional,
            steps,
        } => set_body_field(*body_optional, steps, value),
    };
    match convert {
        Some(convert) => quote! {
            let mut request = self;
            async move {
                if let #pattern = position {
                    #convert
                    #set
                }
                request.send().await
            }
        },
        None => quote! {
            let mut request = self;
            if let #pattern = position {
                #set
            }
            request.send()
        },
    }
}

/// Sets a field of the request body, creating the body and the containers on the way when absent.
fn set_body_field(body_optional: bool, steps: &[FieldStep], value: TokenStream) -> TokenStream {
    let Some((last, containers)) = steps.split_last() else {
        return quote!();
    };
    let mut stmts = vec![if body_optional {
        quote!(let target = request.body.get_or_insert_with(Default::default);)
    } else {
        quote!(let target = &mut request.body;)
    }];
    for step in containers {
        let f = ident(&step.field);
        stmts.push(match (!step.required || step.nullable, !step.required && step.nullable) {
            (false, _) => quote!(let target = &mut target.#f;),
            (true, false) => quote!(let target = target.#f.get_or_insert_with(Default::default);),
            (true, true) => quote!(let target = target.#f.get_or_insert_with(Default::default).get_or_insert_with(Default::default);),
        });
    }
    let f = ident(&last.field);
    let wrapped = match (
        !last.required || last.nullable,
        !last.required && last.nullable,
    ) {
        (false, _) => value,
        (true, false) => quote!(Some(#value)),
        (true, true) => quote!(Some(Some(#value))),
    };
    let boxed = if last.boxed {
        quote!(Box::new(#wrapped))
    } else {
        wrapped
    };
    stmts.push(quote!(target.#f = #boxed;));
    quote!(#(#stmts)*)
}

/// Where an accessor chain starts: a place (`page`, `self.body`) or an `Option<&T>` expression.
enum Root {
    Place(TokenStream),
    Chain(TokenStream),
}

fn page_root() -> Root {
    Root::Place(quote!(page))
}

/// A borrowed chain to the parent of the last step, as `Option<&Parent>`; `None` when the path has
/// one step (the parent is the page itself).
fn parent_chain(root: &Root, steps: &[FieldStep]) -> Option<TokenStream> {
    let (_, parents) = steps.split_last()?;
    let mut chain: Option<TokenStream> = None;
    for step in parents {
        chain = Some(borrow_field(root, chain, step));
    }
    chain.or_else(|| match root {
        Root::Chain(c) => Some(c.clone()),
        Root::Place(_) => None,
    })
}

/// One field borrowed from each parent, as `Option<&T>` (absent, or `null`, is `None`); the parent
/// is the page itself when `parent` is `None`.
fn borrow_field(root: &Root, parent: Option<TokenStream>, step: &FieldStep) -> TokenStream {
    let f = ident(&step.field);
    let optional = !step.required || step.nullable;
    let double = !step.required && step.nullable;
    let parent = parent.or_else(|| match root {
        Root::Chain(c) => Some(c.clone()),
        Root::Place(_) => None,
    });
    let place = match root {
        Root::Place(p) => p.clone(),
        Root::Chain(_) => quote!(page),
    };
    let e = match (parent, optional) {
        (None, false) => quote!(Some(&#place.#f)),
        (None, true) => quote!(#place.#f.as_ref()),
        (Some(c), false) => quote!(#c.map(|v| &v.#f)),
        (Some(c), true) => quote!(#c.and_then(|v| v.#f.as_ref())),
    };
    if double {
        quote!(#e.and_then(Option::as_ref))
    } else {
        e
    }
}

/// The last step's field as `Option<&T>`.
fn last_field(root: &Root, steps: &[FieldStep]) -> TokenStream {
    match steps.last() {
        Some(last) => borrow_field(root, parent_chain(root, steps), last),
        None => quote!(None::<&()>),
    }
}

/// An integer field as `Option<Option<i64>>`: `None` when absent anywhere along the path,
/// `Some(None)` when the last field is `null`.
fn next_integer(steps: &[FieldStep]) -> TokenStream {
    let Some(last) = steps.last() else {
        return quote!(None);
    };
    let f = ident(&last.field);
    let parent = parent_chain(&page_root(), steps);
    let wide = last.ty == TypeRef::I32;
    // The field's own value, read from `v` (the parent) or from the page.
    let field = |owner: TokenStream| quote!(#owner.#f);
    let (owner, wrap): (TokenStream, Box<dyn Fn(TokenStream) -> TokenStream>) = match &parent {
        None => (quote!(page), Box::new(|e| e)),
        Some(c) => (quote!(v), Box::new(move |e| quote!(#c.map(|v| #e)))),
    };
    let value = field(owner);
    let tri = match (last.required, last.nullable, wide) {
        (true, false, true) => quote!(Some(i64::from(#value))),
        (true, false, false) => quote!(Some(#value)),
        (false, false, true) | (true, true, true) => quote!(#value.map(i64::from)),
        (false, false, false) | (true, true, false) => quote!(#value),
        (false, true, true) => quote!(#value.map(|n| n.map(i64::from))),
        (false, true, false) => quote!(#value),
    };
    match (last.required, last.nullable, &parent) {
        // Optional and not nullable: absent is `None`, a value is `Some(Some(v))`.
        (false, false, None) => quote!(#tri.map(Some)),
        (false, false, Some(c)) => quote!(#c.and_then(|v| #tri).map(Some)),
        // Optional and nullable: the field already has the three states.
        (false, true, Some(c)) => quote!(#c.and_then(|v| #tri)),
        (true, _, None) => quote!(Some(#tri)),
        _ => wrap(tri),
    }
}

/// An integer field as `Option<i64>` (absent and `null` are `None`).
fn integer(steps: &[FieldStep]) -> TokenStream {
    let e = last_field(&page_root(), steps);
    match steps.last() {
        Some(last) if last.ty == TypeRef::I32 => quote!(#e.map(|n| i64::from(*n))),
        _ => quote!(#e.copied()),
    }
}

/// A string field as `Option<String>` (absent and `null` are `None`).
fn cursor(steps: &[FieldStep]) -> TokenStream {
    let e = last_field(&page_root(), steps);
    quote!(#e.cloned())
}

/// The results list borrowed (`Option<&Vec<Item>>`), with `tail` applied.
fn results_borrowed(steps: &[FieldStep], tail: TokenStream) -> TokenStream {
    let e = last_field(&page_root(), steps);
    quote!(#e.#tail)
}

/// The results list moved out of the page (empty when absent).
fn results_owned(steps: &[FieldStep]) -> TokenStream {
    let mut e = quote!(page);
    let mut is_option = false;
    for step in steps {
        let f = ident(&step.field);
        let optional = !step.required || step.nullable;
        let double = !step.required && step.nullable;
        e = match (is_option, optional) {
            (false, _) => quote!(#e.#f),
            (true, false) => quote!(#e.map(|v| v.#f)),
            (true, true) => quote!(#e.and_then(|v| v.#f)),
        };
        if double {
            e = quote!(#e.flatten());
        }
        is_option = is_option || optional;
    }
    if is_option {
        quote!(#e.unwrap_or_default())
    } else {
        e
    }
}
