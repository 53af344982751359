//! A small ordered worker pool (nhóm luồng xử lý): documents are converted on several threads,
//! but what is reported about them (the summary's messages, JSONL lines, results of `vanban
//! stream`) comes out in input order, whatever order they finish in.
//!
//! Plain `std` threads and channels: the feed may block (`vanban stream` reads standard input
//! as records arrive), results must be emitted in order as soon as they can be, and at most a
//! window of items may be in flight so that memory does not grow with the number of inputs.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread;

/// Items in flight per thread: enough to keep every thread busy while one slow document holds
/// back the ones behind it, few enough that their results stay small.
const WINDOW_PER_JOB: usize = 4;

/// How many threads `--jobs` means by default: the cores this process may run on (a
/// `taskset -c 0` run counts one).
pub fn default_jobs() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// Run `work` over the items of `feed` on `jobs` threads and hand each result to `emit` in the
/// order of the items. The feed runs on a thread of its own, so a feed that blocks (a pipe)
/// never holds back results that are ready. `emit` returning `false` stops the run: no further
/// item is fed, and those already fed are finished and dropped.
pub fn ordered<T, R, I>(
    feed: I,
    jobs: usize,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R) -> bool,
) where
    I: Iterator<Item = T> + Send,
    T: Send,
    R: Send,
{
    let jobs = jobs.max(1);
    let window = jobs * WINDOW_PER_JOB;
    // (results emitted so far, stop)
    let gate = (Mutex::new((0usize, false)), Condvar::new());
    let (job_tx, job_rx) = mpsc::channel::<(usize, T)>();
    let job_rx = Mutex::new(job_rx);
    let (res_tx, res_rx) = mpsc::channel::<(usize, R)>();
    thread::scope(|s| {
        let gate = &gate;
        s.spawn(move || {
            for (i, item) in feed.enumerate() {
                let (lock, cvar) = gate;
                let mut g = lock.lock().unwrap_or_else(PoisonError::into_inner);
                while !g.1 && i >= g.0 + window {
                    g = cvar.wait(g).unwrap_or_else(PoisonError::into_inner);
                }
                if g.1 {
                    break;
                }
                drop(g);
                if job_tx.send((i, item)).is_err() {
                    break;
                }
            }
            // job_tx dropped here: the workers end when the queue is empty
        });
        for _ in 0..jobs {
            let res_tx = res_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            s.spawn(move || {
                loop {
                    let next = job_rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok((i, item)) = next else { break };
                    if res_tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(res_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0usize;
        'results: while let Ok((i, r)) = res_rx.recv() {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                next += 1;
                let go = emit(r);
                let (lock, cvar) = gate;
                {
                    let mut g = lock.lock().unwrap_or_else(PoisonError::into_inner);
                    g.0 = next;
                    g.1 |= !go;
                }
                cvar.notify_all();
                if !go {
                    break 'results;
                }
            }
        }
        // a stop: workers still running find the results channel closed
        drop(res_rx);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_threads_do() {
        let mut seen = Vec::new();
        // later items finish first: item i sleeps (10 - i) ms
        ordered(
            0..10u64,
            4,
            |i| {
                thread::sleep(std::time::Duration::from_millis(10 - i));
                i * 2
            },
            |r| {
                seen.push(r);
                true
            },
        );
        assert_eq!(seen, (0..10).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_stop_feeds_nothing_more() {
        let fed = std::sync::atomic::AtomicUsize::new(0);
        let mut seen = 0;
        ordered(
            (0..10_000).inspect(|_| {
                fed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }),
            2,
            |i: usize| i,
            |_| {
                seen += 1;
                seen < 3
            },
        );
        assert_eq!(seen, 3);
        // the window bounds what was fed past the stop
        assert!(fed.load(std::sync::atomic::Ordering::Relaxed) <= 3 + 2 * WINDOW_PER_JOB + 1);
    }

    #[test]
    fn the_window_bounds_items_in_flight() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let fed = AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut emitted = 0;
        ordered(
            (0..500).inspect(|_| {
                fed.fetch_add(1, Ordering::SeqCst);
            }),
            3,
            |i: usize| i,
            |_| {
                emitted += 1;
                max_ahead = max_ahead.max(fed.load(Ordering::SeqCst) - emitted);
                true
            },
        );
        assert_eq!(emitted, 500);
        assert!(max_ahead <= 3 * WINDOW_PER_JOB, "{max_ahead}");
    }

    #[test]
    fn one_job_and_no_items() {
        let mut n = 0;
        ordered(
            std::iter::empty::<u8>(),
            1,
            |x| x,
            |_| {
                n += 1;
                true
            },
        );
        assert_eq!(n, 0);
    }
}
