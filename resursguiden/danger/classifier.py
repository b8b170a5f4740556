"""A small text classifier: the detector's second reader, for what the phrase lists miss.

Logistic regression over the words, word pairs and character n-grams (2 to 5 letters,
within words) of a message as the detector reads it (resursguiden.danger.text), weighted
by tf-idf. Trained with scikit-learn (which Rasa brings) on the development set; scoring
needs nothing but the weights, and every score can be explained: it is a sum of one
weight per feature, and `contributions()` lists the features that pushed it most.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from resursguiden.danger.text import is_boundary

CHAR_NGRAMS = (2, 5)


def features(words: Sequence[str]) -> list[str]:
    """The features of a message's tokens: "w:" words, "b:" word pairs, "c:" n-grams."""
    found = [f"w:{word}" for word in words]
    found += [f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    low, high = CHAR_NGRAMS
    for word in words:
        if is_boundary(word):
            continue
        padded = f" {word} "
        for n in range(low, min(high, len(padded)) + 1):
            found += [f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    return found


@dataclass(frozen=True)
class Classifier:
    labels: tuple[str, ...]  # two labels: the score is for the second
    idf: dict[str, float]
    coefficients: dict[str, tuple[float, ...]]  # one per label (one for two labels)
    intercepts: tuple[float, ...]

    @classmethod
    def train(
        cls,
        messages: Sequence[Sequence[str]],
        labels: Sequence[str],
        weights: dict[str, float] | None = None,
    ) -> Classifier:
        """Fit on messages (as token lists) with their labels; `weights` counts some
        labels more (a missed emergency costs more than a false alarm)."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
        matrix = vectorizer.fit_transform(list(messages))
        model = LogisticRegression(C=10, class_weight=weights, max_iter=5000)
        model.fit(matrix, list(labels))
        features_ = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
        return cls(
            labels=tuple(str(label) for label in model.classes_),
            idf=dict(zip(features_, map(float, vectorizer.idf_), strict=True)),
            coefficients={
                feature: tuple(float(row[i]) for row in model.coef_)
                for i, feature in enumerate(features_)
            },
            intercepts=tuple(map(float, model.intercept_)),
        )

    def to_dict(self) -> dict:
        return {
            "labels": list(self.labels),
            "intercepts": list(self.intercepts),
            "features": {f: [self.idf[f], *self.coefficients[f]] for f in self.idf},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Classifier:
        features_ = data["features"]
        return cls(
            labels=tuple(data["labels"]),
            idf={f: values[0] for f, values in features_.items()},
            coefficients={f: tuple(values[1:]) for f, values in features_.items()},
            intercepts=tuple(data["intercepts"]),
        )

    def _values(self, words: Sequence[str]) -> dict[str, float]:
        """The message's tf-idf vector (sublinear tf, l2 norm), known features only."""
        counts = Counter(f for f in features(words) if f in self.idf)
        values = {f: (1 + math.log(n)) * self.idf[f] for f, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return {f: v / norm for f, v in values.items()}

    def _scores(self, values: dict[str, float]) -> list[float]:
        scores = list(self.intercepts)
        for feature, value in values.items():
            for i, weight in enumerate(self.coefficients[feature]):
                scores[i] += value * weight
        return scores

    def probabilities(self, words: Sequence[str]) -> dict[str, float]:
        scores = self._scores(self._values(words))
        if len(self.labels) == 2:
            high = 1 / (1 + math.exp(-scores[0]))
            return {self.labels[0]: 1 - high, self.labels[1]: high}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        return {label: e / sum(exps) for label, e in zip(self.labels, exps, strict=True)}

    def best(self, words: Sequence[str]) -> tuple[str, float]:
        probabilities = self.probabilities(words)
        label = max(probabilities, key=probabilities.get)
        return label, probabilities[label]

    def contributions(
        self, words: Sequence[str], label: str, top: int = 5
    ) -> list[tuple[str, float]]:
        """The words and word pairs that pushed the score of `label` most, with how much
        (positive: towards it). A character n-gram counts for the words it is part of."""
        values = self._values(words)
        if len(self.labels) == 2:
            index, sign = 0, (1 if label == self.labels[1] else -1)
        else:
            index, sign = self.labels.index(label), 1
        totals: Counter[str] = Counter()
        for feature, value in values.items():
            weight = sign * value * self.coefficients[feature][index]
            kind, text = feature[:1], feature[2:]
            if kind == "c":
                owners = [w for w in set(words) if text in f" {w} "] or [text.strip()]
                for owner in owners:
                    totals[owner] += weight / len(owners)
            else:
                totals[text] += weight
        return sorted(totals.items(), key=lambda part: -abs(part[1]))[:top]
