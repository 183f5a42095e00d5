//! The browser page's checker: the cchc library compiled to WebAssembly behind
//! a plain C ABI with JSON in and out, so the page loads it with
//! `WebAssembly.instantiate` alone (no bindings generator, no runtime).
//!
//! A request is `[n: u32 little-endian][n bytes of JSON header][each file's
//! bytes, in the header's order]`, the header being
//! `{"lang":"vi","files":[{"name":"ke-hoach.docx","size":1234}]}` (a file over
//! [`cchc_max_file_size`] is sent as `"size":0,"omitted":<its size>`). The answer
//! is `[n: u32 little-endian][n bytes of JSON]`, the document of [`page`].

pub mod page;

/// Leaks `bytes` to the page, which frees it with [`cchc_free`].
fn give(bytes: Box<[u8]>) -> *mut u8 {
    Box::into_raw(bytes).cast::<u8>()
}

/// The largest file cchc reads (64 MiB): the page sends a larger file's size
/// (`"omitted"` in the header) instead of copying it, and gets the diagnostic
/// `cchc check` gives for it.
#[unsafe(no_mangle)]
pub extern "C" fn cchc_max_file_size() -> f64 {
    cchc::source::MAX_FILE_SIZE as f64
}

/// Reserves `len` bytes (zeroed) for the page to write a request into.
#[unsafe(no_mangle)]
pub extern "C" fn cchc_alloc(len: usize) -> *mut u8 {
    give(vec![0u8; len].into_boxed_slice())
}

/// Frees `len` bytes at `ptr`, as [`cchc_alloc`] or [`cchc_check`] gave them.
///
/// # Safety
///
/// `ptr` and `len` are exactly what one of those calls gave (for an answer,
/// `len` is its 4-byte length prefix plus the length it holds), freed once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cchc_free(ptr: *mut u8, len: usize) {
    // SAFETY: by the contract above, this is the box `give` leaked.
    drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) });
}

/// Checks the request of `len` bytes at `ptr` and returns the answer.
///
/// # Safety
///
/// `ptr` points to `len` initialised bytes (a buffer of [`cchc_alloc`]).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cchc_check(ptr: *const u8, len: usize) -> *mut u8 {
    // SAFETY: by the contract above.
    let request = unsafe { std::slice::from_raw_parts(ptr, len) };
    let json = page::answer(request);
    let mut out = Vec::with_capacity(4 + json.len());
    out.extend_from_slice(&u32::try_from(json.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(json.as_bytes());
    give(out.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_goes_through_the_abi_and_frees() {
        let header = br#"{"lang":"en","files":[{"name":"a.yaml","size":3}]}"#;
        let mut request = (header.len() as u32).to_le_bytes().to_vec();
        request.extend_from_slice(header);
        request.extend_from_slice(b"a: ");
        let buf = cchc_alloc(request.len());
        // SAFETY: the buffer has request.len() bytes; the answer is read within its length.
        unsafe {
            std::ptr::copy_nonoverlapping(request.as_ptr(), buf, request.len());
            let answer = cchc_check(buf, request.len());
            cchc_free(buf, request.len());
            let n = u32::from_le_bytes(*answer.cast::<[u8; 4]>()) as usize;
            let json = std::slice::from_raw_parts(answer.add(4), n);
            let doc: serde_json::Value = serde_json::from_slice(json).expect("JSON");
            assert_eq!(doc["files"][0]["path"], "a.yaml");
            cchc_free(answer, 4 + n);
        }
    }
}
