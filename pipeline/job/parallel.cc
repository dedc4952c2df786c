// Jobs on all cores (see parallel.h).
#include "job/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace wenshu::job {

unsigned thread_count(unsigned requested, std::size_t jobs) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned want = requested != 0 ? requested : cores;
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(want, jobs)));
}

void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job,
                  const Progress& progress, std::string_view what) {
  if (count == 0) return;
  std::exception_ptr failure;
  std::mutex failure_mutex, progress_mutex;
  std::size_t done = 0;
  auto run = [&](std::size_t k) {
    try {
      job(k);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
    if (progress) {
      std::lock_guard lock(progress_mutex);
      progress(what, ++done, count);
    }
  };
  run(0);
  std::atomic<std::size_t> next{1};
  auto worker = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < count;) run(k);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < thread_count(threads, count); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace wenshu::job
