"""Independent references for the banzi benchmark (bench/references.ts runs this).

  python3 bench/reference.py milp FILE.mps TIME_LIMIT_S   scipy.optimize.milp (native HiGHS) on a free MPS file
  python3 bench/reference.py lsa-assign FILE.txt          scipy.optimize.linear_sum_assignment on an OR-Library file
  python3 bench/reference.py lsa-f64 FILE.f64 N [M]       the same on an N x M float64 matrix (row-major, little
                                                          endian; square when M is left out)

Prints one JSON object: status, objective, time_ms (the solver call only, not the reading).
The MPS reader covers what banzi's exportModel writes (free MPS: INTORG/INTEND markers, RHS,
RANGES, BOUNDS UP/LO/FX/MI/PL/FR, UP 1e30 as infinite; an OBJSENSE section is read if present);
it is not a general MPS reader. banzi's MPS minimises the negated costs of a model that
maximises: the objective printed is minus banzi's (bench/references.ts turns it back).
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linear_sum_assignment, milp
from scipy.sparse import csr_matrix


def read_mps(path):
    sense, section, obj_row = 1.0, None, None
    rows, row_type, cols, cost, integer = {}, [], {}, [], []
    ri, ci, vals = [], [], []
    rhs, rng, bounds, in_int = {}, {}, {}, False
    with open(path) as f:
        for line in f:
            if line.startswith("*") or not line.strip():
                continue
            if not line[0].isspace():
                section = line.split()[0]
                continue
            t = line.split()
            if section == "OBJSENSE":
                sense = -1.0 if t[0].upper().startswith("MAX") else 1.0
            elif section == "ROWS":
                if t[0] == "N":
                    obj_row = t[1]
                else:
                    rows[t[1]] = len(row_type)
                    row_type.append(t[0])
            elif section == "COLUMNS":
                if len(t) >= 3 and t[1] == "'MARKER'":
                    in_int = t[2] == "'INTORG'"
                    continue
                j = cols.get(t[0])
                if j is None:
                    j = cols[t[0]] = len(cost)
                    cost.append(0.0)
                    integer.append(1 if in_int else 0)
                for k in range(1, len(t) - 1, 2):
                    if t[k] == obj_row:
                        cost[j] = float(t[k + 1])
                    else:
                        ri.append(rows[t[k]]), ci.append(j), vals.append(float(t[k + 1]))
            elif section == "RHS":
                for k in range(1, len(t) - 1, 2):
                    rhs[t[k]] = float(t[k + 1])
            elif section == "RANGES":
                for k in range(1, len(t) - 1, 2):
                    rng[t[k]] = float(t[k + 1])
            elif section == "BOUNDS":
                kind, name = t[0], t[2]
                lo, hi = bounds.get(name, (0.0, np.inf))
                v = float(t[3]) if len(t) > 3 else None
                if kind == "UP":
                    hi = np.inf if v >= 1e30 else v
                elif kind == "LO":
                    lo = v
                elif kind == "FX":
                    lo = hi = v
                elif kind == "MI":
                    lo = -np.inf
                elif kind == "PL":
                    hi = np.inf
                elif kind == "FR":
                    lo, hi = -np.inf, np.inf
                elif kind == "BV":
                    lo, hi = 0.0, 1.0
                bounds[name] = (lo, hi)
    n, m = len(cost), len(row_type)
    lo_r, hi_r = np.full(m, -np.inf), np.full(m, np.inf)
    for name, i in rows.items():
        b = rhs.get(name, 0.0)
        kind = row_type[i]
        if kind == "E":
            lo_r[i] = hi_r[i] = b
        elif kind == "L":
            hi_r[i] = b
        else:
            lo_r[i] = b
            if name in rng:
                hi_r[i] = b + abs(rng[name])
    lb, ub = np.zeros(n), np.full(n, np.inf)
    for name, (lo, hi) in bounds.items():
        lb[cols[name]], ub[cols[name]] = lo, hi
    a = csr_matrix((vals, (ri, ci)), shape=(m, n))
    return sense, np.array(cost), np.array(integer), lb, ub, a, lo_r, hi_r


def main():
    mode = sys.argv[1]
    if mode == "milp":
        sense, c, integ, lb, ub, a, lo, hi = read_mps(sys.argv[2])
        cons = [LinearConstraint(a, lo, hi)] if a.shape[0] > 0 else []
        t = time.perf_counter()
        r = milp(
            sense * c,
            integrality=integ,
            bounds=Bounds(lb, ub),
            constraints=cons,
            options={"time_limit": float(sys.argv[3]), "mip_rel_gap": 0.0},
        )
        ms = (time.perf_counter() - t) * 1000
        status = {0: "optimal", 1: "time-limit", 2: "infeasible", 3: "unbounded"}.get(r.status, "error")
        obj = None if r.x is None else float(sense * r.fun)
        print(json.dumps({"status": status, "objective": obj, "time_ms": ms, "message": r.message}))
    elif mode in ("lsa-assign", "lsa-f64"):
        if mode == "lsa-assign":
            tok = open(sys.argv[2]).read().split()
            n = int(tok[0])
            cost = np.array(tok[1 : 1 + n * n], dtype=np.float64).reshape(n, n)
        else:
            n = int(sys.argv[3])
            m = int(sys.argv[4]) if len(sys.argv) > 4 else n
            cost = np.fromfile(sys.argv[2], dtype="<f8").reshape(n, m)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            r, c = linear_sum_assignment(cost)
            times.append((time.perf_counter() - t) * 1000)
        print(json.dumps({"status": "optimal", "objective": float(cost[r, c].sum()), "time_ms": sorted(times)[1]}))
    else:
        raise SystemExit(f"unknown mode {mode}")


main()
