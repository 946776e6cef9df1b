"""The ``farasa`` segmenter backend: Farasa's segmenter jar for the clitic splits, builtin offsets.

farasapy (the PyPI wrapper) downloads its jars from the web on first use, which cannot work offline,
so hadath never lets it fetch anything: the user points ``HADATH_EXTRACTION__FARASA_JAR_DIR`` at a
folder holding ``FarasaSegmenterJar.jar`` (directly or under ``lib/``, as farasapy unpacks it).
The jar is driven exactly as farasapy's interactive mode drives it (``java -Dfile.encoding=UTF-8
-jar FarasaSegmenterJar.jar``, one line in, one line out, segments joined by ``+``), but by this
module, so that a hung jar times out and a dead one is restarted instead of blocking the stage.

Sentences and token offsets come from the builtin segmenter; Farasa only decides where the clitics
are. A word Farasa's output cannot be aligned with keeps the builtin analysis.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import shutil
import subprocess
import threading
from pathlib import Path

from services.segmenter.clitics import split_clitics
from services.segmenter.logic import token_spans
from services.segmenter.sentences import split_sentences
from shared.arabic import normalize
from shared.schemas import Article, SegmentedArticle, Sentence, Token, TokenTable
from shared.settings import ExtractionSettings

BACKEND = "farasa"
JAR_NAME = "FarasaSegmenterJar.jar"
_PROCLITICS = frozenset(["و", "ف", "ب", "ل", "ك", "ال", "س", "لل"])
_ENCLITICS = frozenset(["ه", "ها", "هم", "هما", "هن", "كم", "كما", "ك", "نا", "ي"])
_WARM_UP = "اختبار"  # what farasapy sends first to check the jar answers


class FarasaUnavailable(RuntimeError):
    """The farasa backend was chosen but cannot run here; the message says what to install."""


class FarasaError(RuntimeError):
    """The Farasa process failed on an input (crashed twice, or did not answer in time)."""


def find_jar(jar_dir: Path | None) -> Path:
    """The segmenter jar in ``jar_dir`` (or its ``lib/``), with an actionable error when it is missing."""
    howto = (
        "The farasa segmenter backend needs Farasa's segmenter jar and a Java runtime (java 8+ on PATH). "
        "farasapy would download the jar on first use, which does not work offline. Get the Farasa segmenter "
        f"(https://farasa.qcri.org, free for research), put {JAR_NAME} (with the lib/ folder it ships with) in a "
        "directory, and set HADATH_EXTRACTION__FARASA_JAR_DIR to that directory; or use the offline default, "
        "HADATH_EXTRACTION__SEGMENTER_BACKEND=builtin."
    )
    if jar_dir is None:
        raise FarasaUnavailable(f"HADATH_EXTRACTION__FARASA_JAR_DIR is not set. {howto}")
    for candidate in (jar_dir / JAR_NAME, jar_dir / "lib" / JAR_NAME):
        if candidate.is_file():
            if shutil.which("java") is None:
                raise FarasaUnavailable(f"No java executable on PATH. {howto}")
            return candidate
    raise FarasaUnavailable(f"{JAR_NAME} not found in {jar_dir} (nor in {jar_dir / 'lib'}). {howto}")


class FarasaProcess:
    """One long-lived ``java -jar`` process speaking Farasa's line protocol, restarted when it dies."""

    def __init__(self, jar: Path, timeout_s: float = 30.0, startup_timeout_s: float = 120.0):
        self.jar = jar
        self.timeout_s = timeout_s
        self.startup_timeout_s = startup_timeout_s
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._pending = b""
        self.starts = 0

    @property
    def command(self) -> list[str]:
        return ["java", "-Dfile.encoding=UTF-8", "-jar", str(self.jar)]

    def _start(self) -> None:
        self.close()
        self._proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL)
        self._pending = b""
        self.starts += 1
        self._exchange(_WARM_UP, self.startup_timeout_s)

    def _exchange(self, line: str, timeout_s: float) -> str:
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(line.encode("utf-8") + b"\n")
        proc.stdin.flush()
        return self._read_line(proc, timeout_s)

    def _read_line(self, proc: subprocess.Popen[bytes], timeout_s: float) -> str:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._pending:
                if not selector.select(timeout_s):
                    self.close()
                    raise FarasaError(f"Farasa did not answer within {timeout_s:.0f}s (process killed)")
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise BrokenPipeError("Farasa closed its output")
                self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return line.decode("utf-8", errors="replace").strip()

    def segment_line(self, text: str) -> str:
        """Farasa's segmentation of one line (no newlines inside); restarts a dead process once."""
        line = " ".join(text.split())
        with self._lock:
            for attempt in (1, 2):
                try:
                    if self._proc is None or self._proc.poll() is not None:
                        self._start()
                    return self._exchange(line, self.timeout_s)
                except (BrokenPipeError, OSError) as exc:
                    self.close()
                    if attempt == 2:
                        raise FarasaError(f"Farasa process failed twice: {exc}") from exc
        raise AssertionError("unreachable")

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


_PROCESSES: dict[Path, FarasaProcess] = {}
_PROCESSES_LOCK = threading.Lock()


def farasa_process(settings: ExtractionSettings) -> FarasaProcess:
    """The process for the configured jar, started once per worker and shared."""
    jar = find_jar(settings.farasa_jar_dir)
    with _PROCESSES_LOCK:
        if jar not in _PROCESSES:
            _PROCESSES[jar] = FarasaProcess(jar)
        return _PROCESSES[jar]


def analysis_from_segments(segments: list[str]) -> tuple[list[str], str, list[str]]:
    """(prefixes, stem, suffixes) from Farasa's segments of one word (و+ال+قاهرة -> و، ال | قاهرة)."""
    norms = [normalize(s) for s in segments if s]
    prefixes: list[str] = []
    suffixes: list[str] = []
    while len(norms) > 1 and norms[0] in _PROCLITICS:
        head = norms.pop(0)
        prefixes.extend(["ل", "ال"] if head == "لل" else [head])
    while len(norms) > 1 and norms[-1] in _ENCLITICS:
        suffixes.insert(0, norms.pop())
    return prefixes, "".join(norms), suffixes


def desegment(word: str) -> str:
    """The written word back from Farasa's segments (farasapy's rule: ل+ال+قوات -> للقوات)."""
    joined = word.replace("ل+ال+", "لل")
    if "ال+ال" not in word:
        joined = joined.replace("ل+ال", "لل")
    return joined.replace("+", "").replace("للل", "لل")


def align(words: list[tuple[int, int]], text: str, farasa_output: str) -> list[tuple[list[str], str, list[str]] | None]:
    """Farasa's analysis for each builtin word span of ``text`` (None where the output does not align)."""
    farasa_words = [(normalize(desegment(w)), w.split("+")) for w in farasa_output.split()]
    result: list[tuple[list[str], str, list[str]] | None] = []
    cursor = 0
    for start, end in words:
        norm = normalize(text[start:end])
        found = None
        for k in range(cursor, min(cursor + 4, len(farasa_words))):
            if farasa_words[k][0] == norm:
                found = analysis_from_segments(farasa_words[k][1])
                cursor = k + 1
                break
        result.append(found)
    return result


def segment_with_farasa(article: Article, settings: ExtractionSettings, process: FarasaProcess | None = None
                        ) -> SegmentedArticle:
    """Segment ``article`` with Farasa's clitic splits on the builtin sentences and token offsets."""
    process = process or farasa_process(settings)
    body = article.body
    sentences: list[Sentence] = split_sentences(body)
    spans = token_spans(body, sentences)
    tokens: list[Token] = []
    for sentence in sentences:
        words = [(s, e) for s, e, index in spans if index == sentence.index]
        if not words:
            continue
        analyses = align(words, body, process.segment_line(sentence.text))
        for (start, end), analysis in zip(words, analyses, strict=True):
            original = body[start:end]
            norm = normalize(original)
            if not norm:
                continue
            prefixes, stem, suffixes = analysis or split_clitics(norm, original)
            tokens.append(Token(start, end, original, sentence.index, norm, tuple(prefixes), stem or norm,
                                tuple(suffixes)))
    return SegmentedArticle(article=article, sentences=sentences, tokens=TokenTable.of(tokens), segmenter=BACKEND)
