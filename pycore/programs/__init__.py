"""Express Entry programs, each a package exposing ``ID`` and ``entry(profile, day)``.

See PROGRAMS.md (issues 21 and 22): the assessment composes the programs in the order IRCC
considers them (CEC, FSW, FST). On this branch the CEC is still judged by the flat modules and
composed by ``pycore.assessment``; FSW and FST live here.
"""
