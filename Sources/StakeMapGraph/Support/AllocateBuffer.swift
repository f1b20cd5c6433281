/// A heap buffer of `count` copies of `value` (scratch memory of the analysis workers: plain
/// pointers avoid the exclusivity checks Swift makes on every access to a class's array).
/// The owner deallocates it.
///
/// Inlinable so that the callers in other modules get it specialised: unspecialised, filling
/// went through a value-witness call per element (a fifth of a 100,000-triangle betweenness
/// run was spent filling scratch memory).
@inlinable
package func allocateBuffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
  let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
  buffer.initialize(repeating: value)
  return buffer
}
