// Running independent jobs on all cores with results that never depend on the thread count:
// each job writes only its own slot, and the caller reads the slots in their order afterwards.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>

namespace wenshu::job {

/// The number of threads to use for `requested` (0: the machine's cores) and `jobs` jobs.
unsigned thread_count(unsigned requested, std::size_t jobs);

/// Calls job(0) … job(count - 1) on up to `threads` threads (0: the machine's cores). Job 0 runs
/// alone first, so that fonts and library singletons initialise on one thread. The first
/// exception a job throws is rethrown here after every thread has stopped.
/// `progress`, when set, is told after each job ends: what is being done, jobs done, jobs in all
/// (one call at a time, from any thread; the CLI's progress line).
using Progress = std::function<void(std::string_view what, std::size_t done, std::size_t total)>;
void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job,
                  const Progress& progress = {}, std::string_view what = {});

}  // namespace wenshu::job
