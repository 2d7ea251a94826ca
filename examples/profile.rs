//! Profiling driver: `profile FILE [ITERATIONS]` annotates FILE repeatedly.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("file");
    let n: usize = args.next().map_or(20, |s| s.parse().expect("iterations"));
    let text = std::fs::read_to_string(path).unwrap();
    let a = annotator::Annotator::new();
    a.annotate("warm up");
    let t = std::time::Instant::now();
    let mut count = 0;
    for _ in 0..n {
        count += a.annotate(&text).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{count} annotations, {:.1} MB/s",
        (text.len() * n) as f64 / 1e6 / secs
    );
}
