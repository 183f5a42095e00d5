/* Test-only: Debian's wine 8 lacks ProcessPrng in bcryptprimitives.dll, which
 * Rust's standard library imports since 1.78 (wine 9 has it). This DLL, placed
 * next to cchc.exe under wine, forwards it to advapi32's SystemFunction036
 * (RtlGenRandom). Never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG n = length > 0x7fffffffu ? 0x7fffffffu : (ULONG)length;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n;
    length -= n;
  }
  return TRUE;
}
