"""The learner's own digits: the collection (`collection`), fine-tuning on them (`finetune`), their text."""
