//! A history replayed in threads: one thread reads it once, replays some partitions of the
//! customers itself as it reads and hands the other threads the rows of theirs; the partitions'
//! reports merge into the whole run's.

use super::plan::{find, Dates, Plan};
use super::replay::{OnBadRow, Replay};
use super::report::Simulation;
use super::rows::{Fetched, Fields, Next, Place, PlainLine};
use super::source::{partition_of, Partition, Source};
use crate::analytics::projection::Redeem;
use crate::analytics::simulate::Sequence;
use crate::error::{Error, ErrorCode, Result};
use crate::format::program::Program;
use chrono::NaiveDate;

/// Rows handed to a thread of [`simulate_in_threads`] at a time: few enough to keep every thread
/// busy, many enough that handing them over costs little. The threads give the batches back, so
/// that their records' buffers are read into again rather than allocated for every row.
const BATCH: usize = 8192;

/// Batches in use for each thread: the one being filled, those waiting (at most 4) and the one
/// being replayed, with one to spare.
const BATCHES_PER_THREAD: usize = 7;

/// One row handed over: the row read, where it is, the error of a row that does not read, and
/// the partition (from 0) it is for.
struct Handed {
    read: Reading,
    place: Place,
    error: Option<Error>,
    part: usize,
}

impl Default for Handed {
    fn default() -> Self {
        Handed {
            read: Reading::default(),
            place: Place::Line(0),
            error: None,
            part: 0,
        }
    }
}

#[derive(Default)]
struct Batch {
    /// The rows; the first `len` count.
    rows: Vec<Handed>,
    len: usize,
}

impl Batch {
    /// Adds a row, swapping the line or record read for the buffer it takes the place of.
    fn push(&mut self, read: &mut Reading, place: Place, error: Option<Error>, part: usize) {
        if self.len == self.rows.len() {
            self.rows.push(Handed::default());
        }
        let slot = &mut self.rows[self.len];
        match read.is_plain {
            true => std::mem::swap(&mut slot.read.plain, &mut read.plain),
            false => std::mem::swap(&mut slot.read.record, &mut read.record),
        }
        slot.read.is_plain = read.is_plain;
        (slot.place, slot.error, slot.part) = (place, error, part);
        self.len += 1;
    }
}

/// A row read: a plain line's fields, or a record (`is_plain` says which).
#[derive(Default)]
struct Reading {
    plain: PlainLine,
    record: csv::StringRecord,
    is_plain: bool,
}

impl Reading {
    /// Gives the row to `replaying`.
    fn give(&self, replaying: &mut Replaying, place: Place, error: Option<Error>) {
        match self.is_plain {
            true => replaying.take(&self.plain, place, error),
            false => replaying.take(&self.record, place, error),
        }
    }
}

/// Partitions each thread that only replays takes.
const PARTS_PER_THREAD: u32 = 3;

/// Partitions the reading thread replays as it reads: reading a row costs about a fifth of
/// replaying it, so with two threads the reader takes two parts in five, with more threads
/// fewer, and none from four.
fn reader_parts(jobs: u32) -> u32 {
    match jobs {
        0 | 1 => 1,
        jobs => 4u32.saturating_sub(jobs),
    }
}

/// How many partitions `jobs` threads replay: the reading thread's, and three for each other.
pub fn partitions_for(jobs: u32) -> u32 {
    reader_parts(jobs) + PARTS_PER_THREAD * (jobs.max(1) - 1)
}

/// The thread (0: the reader) that replays `partition` (from 0) of a run in `jobs` threads.
fn thread_of(partition: usize, jobs: u32) -> usize {
    let reader = reader_parts(jobs) as usize;
    match partition.checked_sub(reader) {
        None => 0,
        Some(after) => 1 + after / PARTS_PER_THREAD as usize,
    }
}

/// The history in `jobs` threads, replaying [`partitions_for`] partitions of the customers,
/// merged at the end into the whole run's report. One reader (this thread) reads the history
/// once and hands each thread the rows of its customers. Without a `plan`, in one pass when its
/// dates ascend: the reader learns its months as it reads, and the threads are told them at the
/// end; a history grouped by customer is found out at its first date that goes back, and then
/// planned and replayed so.
pub fn simulate_in_threads(
    source: &(impl Source + Sync + ?Sized),
    program: &Program,
    redeem: Redeem,
    on_bad_row: OnBadRow,
    plan: Option<Plan>,
    jobs: u32,
    mut progress: impl FnMut(u64) + Send,
) -> Result<Simulation> {
    let run = Run {
        program,
        redeem,
        on_bad_row,
        jobs,
    };
    let plan = match plan {
        Some(plan) => plan,
        None => match threads(source, &run, None, &mut progress)? {
            Some(simulation) => return Ok(simulation),
            None => super::plan::plan(source, None)?,
        },
    };
    let replayed = threads(source, &run, Some(plan), &mut progress)?;
    replayed.ok_or_else(|| Error::new(ErrorCode::Unreadable, "", "the history was not replayed"))
}

/// What every thread of a run replays with.
struct Run<'p> {
    program: &'p Program,
    redeem: Redeem,
    on_bad_row: OnBadRow,
    jobs: u32,
}

/// One partition's replay in a thread: once it stops at a bad row it takes no more rows, and the
/// others read on, as each would have alone.
struct Replaying {
    replay: Replay,
    stopped: Option<Error>,
}

impl Replaying {
    fn take(&mut self, record: &impl Fields, place: Place, error: Option<Error>) {
        if self.stopped.is_some() {
            return;
        }
        let taken = match error {
            None => self.replay.row(record, place),
            Some(error) => self.replay.bad(error, place),
        };
        self.stopped = taken.err();
    }

    /// The partition's report, with the history's months when they were learnt as it was read.
    fn finish(mut self, learnt: Option<&Option<(NaiveDate, NaiveDate)>>) -> Result<Simulation> {
        if let Some(error) = self.stopped {
            return Err(error);
        }
        if let Some(span) = learnt {
            self.replay.span_months(*span);
        }
        self.replay.finish()
    }
}

/// Replays the history in `run.jobs` threads as `plan` says, or, without one, by date with the
/// months learnt as the rows are read: `None` when a date then goes back.
fn threads(
    source: &(impl Source + Sync + ?Sized),
    run: &Run,
    plan: Option<Plan>,
    progress: &mut (impl FnMut(u64) + Send),
) -> Result<Option<Simulation>> {
    let (jobs, of) = (run.jobs.max(1), partitions_for(run.jobs));
    let learning = plan.is_none();
    let plan = plan.unwrap_or(Plan {
        sequence: Sequence::ByDate,
        span: None,
    });
    let mut rows = source.rows()?;
    let mut replays = Vec::new();
    for part in 1..=of {
        let partition = Some(Partition { part, of });
        let replay = Replay::new(
            rows.header(),
            run.program.clone(),
            run.redeem,
            run.on_bad_row,
            plan,
            partition,
        )?;
        replays.push(Replaying {
            replay,
            stopped: None,
        });
    }
    let mut replays = replays.into_iter();
    let mut own: Vec<Replaying> = replays.by_ref().take(reader_parts(jobs) as usize).collect();
    // The months learnt, told to the threads once every row is read.
    let learnt = std::sync::OnceLock::<Option<(NaiveDate, NaiveDate)>>::new();
    std::thread::scope(|scope| {
        let (give_back, given_back) = std::sync::mpsc::channel::<Batch>();
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        let mut first = own.len();
        while replays.len() > 0 {
            let mut theirs: Vec<Replaying> =
                replays.by_ref().take(PARTS_PER_THREAD as usize).collect();
            let (sender, handed) = std::sync::mpsc::sync_channel::<Batch>(4);
            senders.push(sender);
            let give_back = give_back.clone();
            let learnt = &learnt;
            let offset = first;
            first += theirs.len();
            threads.push(scope.spawn(move || {
                for mut batch in handed {
                    for row in &mut batch.rows[..batch.len] {
                        let replaying = &mut theirs[row.part - offset];
                        row.read.give(replaying, row.place, row.error.take());
                    }
                    batch.len = 0;
                    // The reader may be done: then the batch is dropped.
                    let _ = give_back.send(batch);
                }
                theirs
                    .into_iter()
                    .map(|replaying| replaying.finish(learnt.get()))
                    .collect::<Vec<_>>()
            }));
        }
        // Only the threads give batches back: once they are done, waiting for one ends.
        drop(give_back);
        let mut route = Route {
            customer_at: find(rows.header(), "customer"),
            date_at: find(rows.header(), "date"),
            dates: learning.then(Dates::default),
            of,
        };
        let mut filling: Vec<Batch> = senders.iter().map(|_| Batch::default()).collect();
        let mut batches = filling.len();
        let mut reading = Reading::default();
        let mut read: u64 = 0;
        let mut by_date = true;
        loop {
            let fetched = rows.read_plain(&mut reading.plain, &mut reading.record)?;
            reading.is_plain = matches!(fetched, Fetched::Plain);
            let routed = match fetched {
                Fetched::Plain => route.of(&reading.plain).map(|part| (part, None)),
                Fetched::Other(Next::Row) => route.of(&reading.record).map(|part| (part, None)),
                Fetched::Other(Next::End) => break,
                // A row that does not read has no customer: the first partition takes it.
                Fetched::Other(Next::Bad(error)) => Some((0, Some(error))),
            };
            let Some((part, error)) = routed else {
                by_date = false;
                break;
            };
            match thread_of(part, jobs) {
                0 => reading.give(&mut own[part], rows.place(), error),
                thread => {
                    let at = thread - 1;
                    filling[at].push(&mut reading, rows.place(), error, part);
                    if filling[at].len == BATCH {
                        // A batch given back, else a new one while there are few; then the
                        // reader waits for one, rather than read into new buffers.
                        let next = match given_back.try_recv() {
                            Ok(batch) => batch,
                            Err(_) if batches < BATCHES_PER_THREAD * senders.len() => {
                                batches += 1;
                                Batch::default()
                            }
                            Err(_) => given_back.recv().unwrap_or_default(),
                        };
                        let full = std::mem::replace(&mut filling[at], next);
                        let _ = senders[at].send(full);
                    }
                }
            }
            read += 1;
            if read % 65_536 == 0 {
                progress(rows.progress());
            }
        }
        if by_date {
            for (sender, batch) in senders.iter().zip(filling) {
                let _ = sender.send(batch);
            }
            if let Some(dates) = &route.dates {
                let _ = learnt.set(dates.span);
            }
        }
        drop(senders);
        let mut reports: Vec<Result<Simulation>> = own
            .into_iter()
            .map(|replaying| replaying.finish(learnt.get()))
            .collect();
        for thread in threads {
            match thread.join() {
                Ok(theirs) => reports.extend(theirs),
                Err(_) => reports.push(Err(Error::new(
                    ErrorCode::Unreadable,
                    "",
                    "a thread replaying orders stopped",
                ))),
            }
        }
        if !by_date {
            return Ok(None);
        }
        progress(rows.progress());
        let reports = reports.into_iter().collect::<Result<Vec<_>>>()?;
        crate::history::merge::merge(reports).map(Some)
    })
}

/// Which partition a row read goes to, learning the history's months on the way when no plan
/// gave them.
struct Route {
    customer_at: Option<usize>,
    date_at: Option<usize>,
    /// The dates seen, when learning them.
    dates: Option<Dates>,
    of: u32,
}

impl Route {
    /// The row's partition (from 0); `None` when its date goes back, learning.
    fn of(&mut self, row: &impl Fields) -> Option<usize> {
        let id = self.customer_at.and_then(|at| row.field(at)).unwrap_or("");
        if let Some(dates) = &mut self.dates {
            // Trimmed as the first pass trims them, for the same months.
            let field = |at: Option<usize>| {
                at.and_then(|at| row.field(at))
                    .map_or(&b""[..], |text| text.as_bytes().trim_ascii())
            };
            let seen = dates.see(field(self.customer_at), field(self.date_at));
            if seen.is_some_and(|(_, went_back)| went_back) {
                return None;
            }
        }
        Some(partition_of(id, self.of) as usize - 1)
    }
}
