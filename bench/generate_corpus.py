"""Generate a benchmark corpus (or find it cached) and print its folder: whole real paragraphs
recombined under realistic headers (common/corpus_gen.py), the corpora scale, load and export index.

Usage: python bench/generate_corpus.py 1000 [--seed 7] [--lengths plan|gazette]
"""

import argparse

from common import corpus_gen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="documents")
    parser.add_argument("--seed", type=int, default=corpus_gen.DEFAULT_SEED)
    parser.add_argument("--lengths", choices=corpus_gen.LENGTHS, default="plan",
                        help="plan: about 20 KB each; gazette: drawn from gazette_dev's texts")
    args = parser.parse_args()
    print(corpus_gen.generate(args.size, args.seed, args.lengths))


if __name__ == "__main__":
    main()
