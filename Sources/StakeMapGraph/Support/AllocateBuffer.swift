/// A heap buffer of `count` copies of `value` (scratch memory of the analysis workers: plain
/// pointers avoid the exclusivity checks Swift makes on every access to a class's array).
/// The owner deallocates it.
package func allocateBuffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
  let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
  buffer.initialize(repeating: value)
  return buffer
}
