//! A small ordered worker pool (nhóm luồng xử lý): documents are converted on several threads,
//! but what is reported about them (the summary's messages, JSONL lines, results of `vanban
//! stream`) comes out in input order, whatever order they finish in.
//!
//! Plain `std` threads and channels. The feed may block (`vanban stream` reads standard input
//! as records arrive), so it runs on a thread of its own that is never waited for: a run that
//! stops (standard output closed) ends at once even while the feed waits for input. Results
//! are emitted in order as soon as they can be, and at most a window of items is in flight,
//! so memory does not grow with the number of inputs. A panic in `work` or `emit` stops the
//! run and is raised again; it never leaves the process hanging.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;

/// Items in flight per thread: enough to keep every thread busy while one slow document holds
/// back the ones behind it, few enough that their results stay small.
const WINDOW_PER_JOB: usize = 4;

/// How many threads `--jobs` means by default: the cores this process may run on (a
/// `taskset -c 0` run counts one).
pub fn default_jobs() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// What reaches the thread that emits.
enum Event<T, R> {
    /// The feed's next item.
    Item(usize, T),
    /// The feed is done after this many items.
    FeedEnd(usize),
    /// An item's result.
    Done(usize, R),
    /// `work` panicked.
    Panic(Box<dyn std::any::Any + Send>),
}

/// How far emitting has got, for the feed to wait on.
struct Gate {
    state: Mutex<(usize, bool)>, // (results emitted, stop)
    cvar: Condvar,
}

impl Gate {
    fn set(&self, emitted: usize, stop: bool) {
        let mut g = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        g.0 = emitted;
        g.1 |= stop;
        drop(g);
        self.cvar.notify_all();
    }
}

/// Sets the stop on the gate when dropped: also when `emit` panics.
struct StopOnDrop<'a>(&'a Gate);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        let mut g = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        g.1 = true;
        drop(g);
        self.0.cvar.notify_all();
    }
}

/// Run `work` over the items of `feed` on `jobs` threads and hand each result to `emit` in the
/// order of the items. `emit` returning `false` stops the run: no further item is fed, and
/// those already fed are dropped. When a thread cannot be started the run goes on with those
/// that could; when none could, the error is returned.
pub fn ordered<T, R, I>(
    feed: I,
    jobs: usize,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R) -> bool,
) -> std::io::Result<()>
where
    I: Iterator<Item = T> + Send + 'static,
    T: Send + 'static,
    R: Send + 'static,
{
    let jobs = jobs.max(1);
    let window = jobs * WINDOW_PER_JOB;
    let gate = Arc::new(Gate {
        state: Mutex::new((0, false)),
        cvar: Condvar::new(),
    });
    let (ev_tx, ev_rx) = mpsc::channel::<Event<T, R>>();
    // the feed: never joined (it may be blocked reading a pipe when the run ends)
    {
        let (gate, feed_tx) = (Arc::clone(&gate), ev_tx.clone());
        thread::Builder::new().name("feed".into()).spawn(move || {
            let mut n = 0;
            for (i, item) in feed.enumerate() {
                let mut g = gate.state.lock().unwrap_or_else(PoisonError::into_inner);
                while !g.1 && i >= g.0 + window {
                    g = gate.cvar.wait(g).unwrap_or_else(PoisonError::into_inner);
                }
                if g.1 {
                    return;
                }
                drop(g);
                if feed_tx.send(Event::Item(i, item)).is_err() {
                    return;
                }
                n = i + 1;
            }
            let _ = feed_tx.send(Event::FeedEnd(n));
        })?;
    }
    let (job_tx, job_rx) = mpsc::channel::<(usize, T)>();
    let job_rx = Mutex::new(job_rx);
    thread::scope(|s| {
        // dropped when the run ends: a worker that finishes an item then finds no one to
        // take it, and stops
        let ev_rx = ev_rx;
        // dropped when the run ends: the workers find the queue closed, and end
        let job_tx = job_tx;
        let _stop = StopOnDrop(&gate);
        let mut started = 0;
        let mut spawn_error = None;
        for k in 0..jobs {
            let ev_tx = ev_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            let spawned = thread::Builder::new()
                .name(format!("worker-{k}"))
                .spawn_scoped(s, move || {
                    loop {
                        let next = job_rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
                        let Ok((i, item)) = next else { break };
                        let ev = match catch_unwind(AssertUnwindSafe(|| work(item))) {
                            Ok(r) => Event::Done(i, r),
                            Err(p) => Event::Panic(p),
                        };
                        if ev_tx.send(ev).is_err() {
                            break;
                        }
                    }
                });
            match spawned {
                Ok(_) => started += 1,
                Err(e) => {
                    spawn_error = Some(e);
                    break;
                }
            }
        }
        drop(ev_tx);
        if started == 0 {
            return Err(spawn_error.unwrap_or_else(|| std::io::Error::other("no thread")));
        }
        let mut pending = BTreeMap::new();
        let (mut next, mut total) = (0usize, None);
        while total != Some(next) {
            let Ok(ev) = ev_rx.recv() else { break };
            match ev {
                Event::Item(i, item) => {
                    let _ = job_tx.send((i, item));
                }
                Event::FeedEnd(n) => total = Some(n),
                // unwinding drops the channels: the workers end, then the panic goes on
                Event::Panic(p) => resume_unwind(p),
                Event::Done(i, r) => {
                    pending.insert(i, r);
                    while let Some(r) = pending.remove(&next) {
                        next += 1;
                        let go = emit(r);
                        gate.set(next, !go);
                        if !go {
                            return Ok(());
                        }
                    }
                }
            }
        }
        Ok(())
        // job_tx dropped here: the workers end, and the scope joins them
    })
}

/// [`ordered`] with one job, on the calling thread, for a feed that never waits long (a walk
/// of files): no thread hand-offs. Through the channels, a one-core run over 2,000 small files
/// made 13,000 context switches. A panic in `work` or `emit` goes on up, as in [`ordered`].
pub fn in_order<T, R>(
    feed: impl Iterator<Item = T>,
    work: impl Fn(T) -> R,
    mut emit: impl FnMut(R) -> bool,
) {
    for item in feed {
        if !emit(work(item)) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// 0..n, counting in `fed` how many were taken.
    fn counted(n: usize, fed: &Arc<AtomicUsize>) -> impl Iterator<Item = usize> + Send + 'static {
        let fed = Arc::clone(fed);
        (0..n).inspect(move |_| {
            fed.fetch_add(1, Ordering::SeqCst);
        })
    }

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
        )
        .unwrap();
        assert_eq!(seen, (0..10).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_stop_feeds_nothing_more() {
        let fed = Arc::new(AtomicUsize::new(0));
        let mut seen = 0;
        ordered(
            counted(10_000, &fed),
            2,
            |i| i,
            |_| {
                seen += 1;
                seen < 3
            },
        )
        .unwrap();
        assert_eq!(seen, 3);
        // the window bounds what was fed past the stop
        assert!(fed.load(Ordering::SeqCst) <= 3 + 2 * WINDOW_PER_JOB + 1);
    }

    #[test]
    fn the_window_bounds_items_in_flight() {
        let fed = Arc::new(AtomicUsize::new(0));
        let mut max_ahead = 0;
        let mut emitted = 0;
        ordered(
            counted(500, &fed),
            3,
            |i| i,
            |_| {
                emitted += 1;
                max_ahead = max_ahead.max(fed.load(Ordering::SeqCst) - emitted);
                true
            },
        )
        .unwrap();
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
        )
        .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn a_stop_does_not_wait_for_a_feed_that_blocks() {
        // the feed blocks forever after its second item (a pipe with nothing more to read)
        let feed = (0..2).chain(std::iter::from_fn(|| {
            thread::park();
            None
        }));
        let mut seen = 0;
        ordered(
            feed,
            2,
            |i| i,
            |_| {
                seen += 1;
                seen < 2
            },
        )
        .unwrap();
        assert_eq!(seen, 2);
    }

    #[test]
    fn a_panic_in_work_or_emit_is_raised_not_hung() {
        for jobs in [1, 4] {
            let r = catch_unwind(|| {
                ordered(
                    0..100,
                    jobs,
                    |i| if i == 5 { panic!("work") } else { i },
                    |_| true,
                )
            });
            assert!(r.is_err(), "work, {jobs} jobs");
            let r = catch_unwind(|| {
                ordered(
                    0..100,
                    jobs,
                    |i| i,
                    |i| if i == 7 { panic!("emit") } else { true },
                )
            });
            assert!(r.is_err(), "emit, {jobs} jobs");
        }
    }
}
