"""The baseline `npm run bench` times `cascade shock` against: a pandas + numpy script of the
core of the same model, as a risk team would write it. It reads the canonical CSV, solves isolated
linear and inverse positions on one underlying (the file's mmr, else a flat 0.5%; no tiers, no
cross accounts, no validation), and runs the cascade as sorted liquidation prices with cumulative
notional under linear impact. Less work than ours, so beating it as a whole process means
something.

    python3 pandas_cascade.py FILE SHOCK [UNDERLYING] [PRICE] [DEPTH_PER_PERCENT]
"""
import sys

import numpy as np
import pandas as pd

path = sys.argv[1]
shock = float(sys.argv[2])
underlying = sys.argv[3] if len(sys.argv) > 3 else 'BTC'
start = float(sys.argv[4]) if len(sys.argv) > 4 else 61800.0
depth = float(sys.argv[5]) if len(sys.argv) > 5 else 5e8

df = pd.read_csv(path)
base = df['symbol'].str.replace(r'(-USDT-SWAP|-USD-SWAP|USDT|USD_PERP|USD|-PERP)$', '', regex=True)
df = df[(base == underlying) & (df['margin_mode'].str.lower() != 'cross')]
side = np.where(df['side'].astype(str).str.lower().isin(['long', 'buy', '1', '+1']), 1.0, -1.0)
size = df['size'].to_numpy(float)
entry = df['entry_price'].to_numpy(float)
lev = df['leverage'].astype(str).str.rstrip('xX').astype(float).to_numpy()
inverse = (df['contract'].astype(str).str.lower() == 'inverse').to_numpy()
margin = df['margin'].to_numpy(float)
derived = np.where(inverse, size / entry / lev, size * entry / lev)
margin = np.where(np.isnan(margin), derived, margin)
mmr = df['mmr'].to_numpy(float)
mmr = np.where(np.isnan(mmr), 0.005, mmr)
# Linear: margin + side*size*(P - entry) = mmr*size*P. Inverse (margin in coin, size in USD):
# margin + side*size*(1/entry - 1/P) = mmr*size/P.
linear_lp = (side * size * entry - margin) / (size * (side - mmr))
inverse_lp = size * (side + mmr) / (margin + side * size / entry)
lp = np.where(inverse, inverse_lp, linear_lp)
longs = (side > 0) & (lp > 0)
order = np.argsort(-lp[longs], kind='stable')
prices = lp[longs][order]
quantity = np.where(inverse[longs], size[longs] / lp[longs], size[longs])[order]
cumulative = np.cumsum(quantity * prices)
price = start * (1 + shock)
rounds = 0
done = 0
while True:
    k = int(np.searchsorted(-prices, -price, side='right'))
    if k == done:
        break
    done = k
    rounds += 1
    price = max(0.0, start * (1 + shock) - start * cumulative[k - 1] / depth / 100)
print(f'final price {price:.6f} rounds {rounds} liquidated {done}')
